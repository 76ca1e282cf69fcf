package org.posthorn.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.posthorn.ejb.directory.Account;

/**
 * One folder of an account, with the counters IMAP exposes (RFC 9051 §2.3.1.1, RFC 7162 §3.1.2).
 * The counters are only ever changed by a transaction that holds this row's write lock
 * ({@link MailboxLocks}), so UIDs are strictly ascending and never reused within one UIDVALIDITY,
 * however many deliveries run at once.
 */
@Entity
@Table(name = "ph_mailbox",
        uniqueConstraints = @UniqueConstraint(name = "uk_mailbox_account_name", columnNames = {"account_id", "name"}))
public class Mailbox {

    /** The name RFC 9051 §5.1 reserves for the mailbox where new mail arrives. */
    public static final String INBOX = "INBOX";
    static final int MAX_NAME_LENGTH = 1000;

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, foreignKey = @ForeignKey(name = "fk_mailbox_account"))
    private Account account;

    /** The full hierarchical name, {@code /}-separated, as IMAP shows it. */
    @Column(name = "name", nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    /** A 32-bit unsigned value (RFC 9051 {@code nz-number}). */
    @Column(name = "uid_validity", nullable = false)
    private long uidValidity;

    /** The UID the next message will get. */
    @Column(name = "uid_next", nullable = false)
    private long uidNext;

    /** The highest MODSEQ given to any change in this mailbox (RFC 7162 §3.1.1). */
    @Column(name = "highest_mod_seq", nullable = false)
    private long highestModSeq;

    /** RFC 6154 special-use attribute such as {@code \Sent}, or null. */
    @Column(name = "special_use", length = 32)
    private String specialUse;

    @Column(name = "subscribed", nullable = false)
    private boolean subscribed;

    /**
     * The lowest UID that is still {@code \Recent} (RFC 3501 §2.3.2): no read-write session has had
     * the mailbox selected since it arrived. A read-write SELECT advances it to UIDNEXT. Null for
     * mailboxes made before IMAP existed here, which no session has ever selected: all is recent.
     */
    @Column(name = "first_recent_uid")
    private Long firstRecentUid;

    protected Mailbox() {
        // for JPA
    }

    /**
     * A new, empty mailbox.
     *
     * @param uidValidity from {@link UidValidity}
     */
    public Mailbox(Account account, String name, long uidValidity, String specialUse, boolean subscribed) {
        this.account = account;
        this.name = name;
        this.uidValidity = uidValidity;
        this.uidNext = 1;
        this.highestModSeq = 1;
        this.specialUse = specialUse;
        this.subscribed = subscribed;
    }

    /**
     * Takes the next UID. Only call on a mailbox locked by {@link MailboxLocks#lock}.
     */
    public long allocateUid() {
        return uidNext++;
    }

    /**
     * Takes the next MODSEQ for a change (append, flag change, expunge). Only call on a locked mailbox.
     */
    public long nextModSeq() {
        return ++highestModSeq;
    }

    /** The lowest UID that is {@code \Recent}. */
    public long getFirstRecentUid() {
        return firstRecentUid == null ? 1 : firstRecentUid;
    }

    /**
     * Takes the {@code \Recent} messages for one read-write session (RFC 3501 §2.3.2): from now on
     * only messages that arrive later are recent. Only call on a locked mailbox.
     */
    public void takeRecent() {
        firstRecentUid = uidNext;
    }

    /** Gives the mailbox a new name (RENAME); its UIDs and UIDVALIDITY stay. */
    public void rename(String newName) {
        this.name = newName;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getName() {
        return name;
    }

    public long getUidValidity() {
        return uidValidity;
    }

    public long getUidNext() {
        return uidNext;
    }

    public long getHighestModSeq() {
        return highestModSeq;
    }

    public String getSpecialUse() {
        return specialUse;
    }

    public boolean isSubscribed() {
        return subscribed;
    }

    public void setSubscribed(boolean subscribed) {
        this.subscribed = subscribed;
    }
}
