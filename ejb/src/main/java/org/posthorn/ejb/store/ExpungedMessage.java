package org.posthorn.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The tombstone of an expunged message: its UID and the MODSEQ of the expunge, so that a session
 * can learn what disappeared since the MODSEQ it knows (RFC 7162 §3.2.10, RFC 3501 §7.4.1). The
 * mailbox is referenced by id without a foreign key: tombstones go with their mailbox
 * ({@link MessageExpunger#forget}), or when no session can still need them
 * ({@link MessageExpunger#forgetTombstonesBefore}, by the time of the expunge).
 */
@Entity
@Table(name = "ph_expunged_message",
        indexes = @Index(name = "ix_expunged_mailbox_modseq", columnList = "mailbox_id, mod_seq"))
public class ExpungedMessage {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "mailbox_id", nullable = false)
    private long mailboxId;

    @Column(name = "uid", nullable = false)
    private long uid;

    @Column(name = "mod_seq", nullable = false)
    private long modSeq;

    /** Null in rows written before it existed (ADR 0003): those count as old. */
    @Column(name = "expunged_at")
    private Instant expungedAt;

    protected ExpungedMessage() {
        // for JPA
    }

    ExpungedMessage(long mailboxId, long uid, long modSeq, Instant expungedAt) {
        this.mailboxId = mailboxId;
        this.uid = uid;
        this.modSeq = modSeq;
        this.expungedAt = expungedAt;
    }

    public long getUid() {
        return uid;
    }

    public long getModSeq() {
        return modSeq;
    }
}
