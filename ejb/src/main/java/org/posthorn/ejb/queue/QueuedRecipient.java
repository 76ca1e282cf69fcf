package org.posthorn.ejb.queue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * One recipient of a {@link QueuedMessage} with its own outcome: one message to a domain gets one
 * answer per recipient (RFC 5321 §3.3), so success, failure and retry are kept per recipient.
 */
@Embeddable
public class QueuedRecipient {

    /** Long enough for what a remote server says, short enough for a column. */
    static final int MAX_DIAGNOSTIC = 1000;

    @Column(name = "address", nullable = false, length = 320)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private RecipientState state;

    /** The RFC 3463 status of the last answer, e.g. {@code 5.1.1}; null before any. */
    @Column(name = "status", length = 16)
    private String status;

    /** The last answer as the remote server gave it (RFC 3464 {@code Diagnostic-Code: smtp; ...}), or why there was none. */
    @Column(name = "diagnostic", length = MAX_DIAGNOSTIC)
    private String diagnostic;

    /** The host that gave the last answer, if one did. */
    @Column(name = "remote_mta", length = 255)
    private String remoteMta;

    protected QueuedRecipient() {
        // for JPA
    }

    /** A recipient not tried yet. */
    public QueuedRecipient(String address) {
        this.address = Objects.requireNonNull(address, "address");
        this.state = RecipientState.PENDING;
    }

    public String getAddress() {
        return address;
    }

    public RecipientState getState() {
        return state;
    }

    public String getStatus() {
        return status;
    }

    public String getDiagnostic() {
        return diagnostic;
    }

    public String getRemoteMta() {
        return remoteMta;
    }

    public boolean isPending() {
        return state == RecipientState.PENDING;
    }

    /** Records an answer (or the lack of one); a delivered recipient stays delivered. */
    void record(RecipientState newState, String newStatus, String newDiagnostic, String newRemoteMta) {
        if (state == RecipientState.DELIVERED) {
            throw new IllegalStateException(address + " was already delivered");
        }
        state = newState;
        status = newStatus;
        diagnostic = newDiagnostic == null || newDiagnostic.length() <= MAX_DIAGNOSTIC ? newDiagnostic
                : newDiagnostic.substring(0, MAX_DIAGNOSTIC);
        remoteMta = newRemoteMta;
    }
}
