package org.posthorn.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The raw octets of one delivered message, byte-exact with the trace headers Posthorn added, stored
 * once however many mailbox entries ({@link MailboxMessage}) show it. {@link #refCount} counts those
 * entries; it is only changed with single-row {@code UPDATE} statements ({@link BlobReferences}) so
 * that concurrent removals never both believe the other still holds a reference.
 */
@Entity
@Table(name = "ph_message_blob")
public class MessageBlob {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "ref_count", nullable = false)
    private int refCount;

    /*
     * Not @Lob: Hibernate maps a byte[] of this length to the database's long binary type (BLOB on H2,
     * bytea on PostgreSQL) bound as plain bytes, which avoids PostgreSQL's large-object (oid) handling.
     * Loaded with the entity; listings never load blobs (MailboxMessage keeps the size).
     */
    @Column(name = "content", nullable = false, length = Integer.MAX_VALUE)
    private byte[] content;

    /**
     * The parsed envelope and MIME structure ({@link org.posthorn.ejb.store.mime.StructureCodec}),
     * null for blobs stored before it existed; filled in on their first FETCH. Read by projection
     * queries, so that listing envelopes never loads {@link #content}.
     */
    @Column(name = "structure", length = Integer.MAX_VALUE)
    private byte[] structure;

    protected MessageBlob() {
        // for JPA
    }

    /**
     * @param content    the octets; kept, not copied
     * @param references how many mailbox entries will point to it in this transaction
     */
    public MessageBlob(byte[] content, int references) {
        this(content, references, null);
    }

    /**
     * @param content    the octets; kept, not copied
     * @param references how many mailbox entries will point to it in this transaction
     * @param structure  the encoded structure of {@code content}, or null
     */
    public MessageBlob(byte[] content, int references, byte[] structure) {
        this.structure = structure;
        this.content = content;
        this.size = content.length;
        this.refCount = references;
    }

    public Long getId() {
        return id;
    }

    public long getSize() {
        return size;
    }

    /** The stored octets; the caller must not change the array. */
    public byte[] getContent() {
        return content;
    }

    /** The encoded structure, or null when not parsed yet. */
    public byte[] getStructure() {
        return structure;
    }
}
