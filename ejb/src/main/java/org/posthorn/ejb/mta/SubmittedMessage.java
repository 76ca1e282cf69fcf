package org.posthorn.ejb.mta;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * That a message was accepted from an authenticated client (submission, RFC 6409): what the dashboard
 * counts as <em>sent</em>, one row per accepted message whatever its recipients. Insert-only, so
 * concurrent submissions never contend for a row; {@link SubmissionLog} prunes rows past their use.
 */
@Entity
@Table(name = "ph_submitted_message", indexes = @Index(name = "ix_submitted_accepted_at", columnList = "accepted_at"))
public class SubmittedMessage {

    @Id
    @GeneratedValue
    private Long id;

    /** The id the message was accepted under ({@code 250 ... queued as}), to find it in the logs. */
    @Column(name = "delivery_id", nullable = false, length = 40)
    private String deliveryId;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    protected SubmittedMessage() {
        // for JPA
    }

    SubmittedMessage(String deliveryId, Instant acceptedAt) {
        this.deliveryId = deliveryId;
        this.acceptedAt = acceptedAt.truncatedTo(ChronoUnit.MILLIS); // stored as read back
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }
}
