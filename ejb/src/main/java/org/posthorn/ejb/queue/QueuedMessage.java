package org.posthorn.ejb.queue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message waiting to be relayed to remote domains: the octets as they go out (with this server's
 * {@code Received:} on top), the envelope, and the state of each recipient and of the whole entry
 * (attempts, next attempt, last error), which the admin console shows. Written in the transaction that
 * accepted the message, before the client hears {@code 250}; removed once no recipient is pending.
 * Concurrent attempts on one entry are kept apart by the {@link Version} column: the second to commit
 * fails and changes nothing.
 */
@Entity
@Table(name = "ph_queued_message", indexes = @Index(name = "ix_queued_next_attempt", columnList = "next_attempt"))
public class QueuedMessage {

    @Id
    @GeneratedValue
    private Long id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** The id the message was accepted under ({@code 250 ... queued as}), for logs and DSNs. */
    @Column(name = "delivery_id", nullable = false, length = 40)
    private String deliveryId;

    /** The reverse-path; null for {@code <>} (a bounce), which is never bounced itself. */
    @Column(name = "sender", length = 320)
    private String sender;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ph_queued_recipient", joinColumns = @JoinColumn(name = "message_id"),
            foreignKey = @ForeignKey(name = "fk_queued_recipient_message"))
    @OrderColumn(name = "position")
    private List<QueuedRecipient> recipients = new ArrayList<>();

    /* Not @Lob, for the reason given at MessageBlob.content. */
    @Column(name = "content", nullable = false, length = Integer.MAX_VALUE)
    private byte[] content;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "created", nullable = false)
    private Instant created;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt", nullable = false)
    private Instant nextAttempt;

    @Column(name = "last_error", length = QueuedRecipient.MAX_DIAGNOSTIC)
    private String lastError;

    /** Until when an attempt holds the entry (set by {@code claim}); null when none does. */
    @Column(name = "lease_until")
    private Instant leaseUntil;

    /** When a delivery attempt was last asked for (JMS message sent); null once an attempt recorded its results. */
    @Column(name = "triggered_at")
    private Instant triggeredAt;

    /** Whether the sender was told that delivery is delayed (at most once, RFC 3464 {@code Action: delayed}). */
    @Column(name = "delay_notified", nullable = false)
    private boolean delayNotified;

    protected QueuedMessage() {
        // for JPA
    }

    /**
     * A new entry, due at once.
     *
     * @param sender     the reverse-path, empty for {@code <>}
     * @param recipients the remote recipients, at least one
     * @param content    the octets as they go out; kept, not copied
     */
    public QueuedMessage(String deliveryId, Optional<String> sender, List<String> recipients, byte[] content,
                         Instant created) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no recipients");
        }
        this.deliveryId = deliveryId;
        this.sender = sender.orElse(null);
        recipients.forEach(address -> this.recipients.add(new QueuedRecipient(address)));
        this.content = content;
        this.size = content.length;
        this.created = created.truncatedTo(ChronoUnit.MILLIS); // stored as read back
        this.nextAttempt = this.created;
        this.triggeredAt = this.created;
    }

    public Long getId() {
        return id;
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public Optional<String> getSender() {
        return Optional.ofNullable(sender);
    }

    public List<QueuedRecipient> getRecipients() {
        return recipients;
    }

    public byte[] getContent() {
        return content;
    }

    public long getSize() {
        return size;
    }

    public Instant getCreated() {
        return created;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttempt() {
        return nextAttempt;
    }

    public Optional<String> getLastError() {
        return Optional.ofNullable(lastError);
    }

    public boolean isDelayNotified() {
        return delayNotified;
    }

    /** The recipients still to be delivered. */
    public List<QueuedRecipient> pending() {
        return recipients.stream().filter(QueuedRecipient::isPending).toList();
    }

    public Optional<Instant> getLeaseUntil() {
        return Optional.ofNullable(leaseUntil);
    }

    /** Whether an attempt holds the entry at {@code now}. */
    boolean leased(Instant now) {
        return leaseUntil != null && leaseUntil.isAfter(now);
    }

    void lease(Instant until) {
        leaseUntil = until.truncatedTo(ChronoUnit.MILLIS);
    }

    void triggered(Instant when) {
        triggeredAt = when.truncatedTo(ChronoUnit.MILLIS);
    }

    /** One more attempt was made; the next is due at {@code next}; the lease ends. */
    void attempted(Instant next, String error) {
        attempts++;
        leaseUntil = null;
        triggeredAt = null;
        nextAttempt = next.truncatedTo(ChronoUnit.MILLIS);
        lastError = error == null || error.length() <= QueuedRecipient.MAX_DIAGNOSTIC ? error
                : error.substring(0, QueuedRecipient.MAX_DIAGNOSTIC);
    }

    /** Due at {@code when} (an administrator asked for a retry now). */
    void dueAt(Instant when) {
        nextAttempt = when.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The recipient of that address, if it is one. */
    Optional<QueuedRecipient> recipient(String address) {
        return recipients.stream().filter(r -> r.getAddress().equalsIgnoreCase(address)).findFirst();
    }

    void delayNotified() {
        delayNotified = true;
    }
}
