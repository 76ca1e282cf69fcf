package org.posthorn.ejb.relay;

import java.util.Objects;

/**
 * What became of one recipient in one delivery attempt.
 *
 * @param address    the recipient as queued
 * @param kind       delivered, to try again later, or failed for good
 * @param status     the RFC 3463 status: the remote server's enhanced code, else one derived from its
 *                   reply code or from what went wrong
 * @param diagnostic the remote server's reply ({@code smtp; 550 5.1.1 ...}, RFC 3464 §2.3.6), or what
 *                   kept the message from reaching one
 * @param remoteMta  the server that answered, if one did
 */
public record RecipientResult(String address, Kind kind, String status, String diagnostic, String remoteMta) {

    public enum Kind {
        DELIVERED,
        DEFERRED,
        FAILED
    }

    public RecipientResult {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(diagnostic, "diagnostic");
    }
}
