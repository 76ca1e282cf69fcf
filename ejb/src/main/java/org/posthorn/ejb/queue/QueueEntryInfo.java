package org.posthorn.ejb.queue;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A queued message as the admin API shows it; never its content.
 *
 * @param id          the entry's id, for {@code /api/admin/queue/{id}}
 * @param deliveryId  the id the message was accepted under ({@code 250 ... queued as})
 * @param sender      the reverse-path; null for {@code <>}
 * @param recipients  each recipient with its state
 * @param size        octets
 * @param created     when it was queued
 * @param attempts    delivery attempts so far
 * @param nextAttempt when the next one is due
 * @param lastError   what went wrong last, if anything
 */
public record QueueEntryInfo(long id, String deliveryId, String sender, List<Recipient> recipients, long size,
                             Instant created, int attempts, Instant nextAttempt, String lastError) implements Serializable {

    /**
     * @param address    the recipient
     * @param state      PENDING, DELIVERED or FAILED
     * @param status     the last RFC 3463 status, if any
     * @param diagnostic the last answer or error, if any
     */
    public record Recipient(String address, RecipientState state, String status, String diagnostic) implements Serializable {
    }

    public QueueEntryInfo {
        recipients = List.copyOf(recipients);
    }

    static QueueEntryInfo of(QueuedMessage entry) {
        return new QueueEntryInfo(entry.getId(), entry.getDeliveryId(), entry.getSender().orElse(null),
                entry.getRecipients().stream()
                        .map(r -> new Recipient(r.getAddress(), r.getState(), r.getStatus(), r.getDiagnostic()))
                        .toList(),
                entry.getSize(), entry.getCreated(), entry.getAttempts(), entry.getNextAttempt(),
                entry.getLastError().orElse(null));
    }
}
