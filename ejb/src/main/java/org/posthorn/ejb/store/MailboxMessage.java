package org.posthorn.ejb.store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * One message as it appears in one mailbox: its UID and MODSEQ there, its flags and keywords, and
 * the summary for listings. The octets live in a {@link MessageBlob} that other entries (other
 * recipients of the same delivery, later IMAP copies) share.
 */
@Entity
@Table(name = "ph_mailbox_message",
        uniqueConstraints = @UniqueConstraint(name = "uk_message_mailbox_uid", columnNames = {"mailbox_id", "uid"}),
        indexes = {
                @Index(name = "ix_message_mailbox_modseq", columnList = "mailbox_id, mod_seq"),
                @Index(name = "ix_message_blob", columnList = "blob_id")
        })
public class MailboxMessage {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "mailbox_id", nullable = false, foreignKey = @ForeignKey(name = "fk_message_mailbox"))
    private Mailbox mailbox;

    @Column(name = "uid", nullable = false)
    private long uid;

    @Column(name = "mod_seq", nullable = false)
    private long modSeq;

    /** {@link SystemFlag} bits. */
    @Column(name = "flags", nullable = false)
    private int flags;

    /** IMAP keywords (RFC 9051 §2.3.2 {@code flag-keyword}), as given. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ph_message_keyword", joinColumns = @JoinColumn(name = "message_id"),
            foreignKey = @ForeignKey(name = "fk_keyword_message"),
            // PostgreSQL does not index foreign keys by itself; every flag query joins on this column.
            indexes = @Index(name = "ix_keyword_message", columnList = "message_id"))
    @Column(name = "keyword", nullable = false, length = 200)
    private Set<String> keywords = new HashSet<>();

    /** When the message arrived here (IMAP INTERNALDATE). */
    @Column(name = "internal_date", nullable = false)
    private Instant internalDate;

    /** The blob's size, kept here so that listings never touch the blob table. */
    @Column(name = "size_bytes", nullable = false)
    private long size;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "blob_id", nullable = false, foreignKey = @ForeignKey(name = "fk_message_blob"))
    private MessageBlob blob;

    @Embedded
    private MessageSummary summary;

    protected MailboxMessage() {
        // for JPA
    }

    MailboxMessage(Mailbox mailbox, long uid, long modSeq, Instant internalDate, MessageBlob blob,
                   MessageSummary summary) {
        this.mailbox = mailbox;
        this.uid = uid;
        this.modSeq = modSeq;
        this.internalDate = internalDate.truncatedTo(ChronoUnit.MILLIS); // stored as read back
        this.blob = blob;
        this.size = blob.getSize();
        this.summary = summary;
    }

    public Long getId() {
        return id;
    }

    public Mailbox getMailbox() {
        return mailbox;
    }

    public long getUid() {
        return uid;
    }

    public long getModSeq() {
        return modSeq;
    }

    public Set<SystemFlag> getFlags() {
        return SystemFlag.fromBits(flags);
    }

    public Set<String> getKeywords() {
        return Collections.unmodifiableSet(keywords);
    }

    public Instant getInternalDate() {
        return internalDate;
    }

    public long getSize() {
        return size;
    }

    public MessageBlob getBlob() {
        return blob;
    }

    public MessageSummary getSummary() {
        return summary;
    }

    /**
     * Sets the flags and keywords after a change that took {@code modSeq} from the locked mailbox
     * (RFC 7162 §3.1.1).
     */
    public void changeFlags(Set<SystemFlag> systemFlags, Set<String> newKeywords, long newModSeq) {
        this.flags = SystemFlag.toBits(systemFlags);
        if (!keywords.equals(newKeywords)) {
            keywords.clear();
            keywords.addAll(newKeywords);
        }
        this.modSeq = newModSeq;
    }
}
