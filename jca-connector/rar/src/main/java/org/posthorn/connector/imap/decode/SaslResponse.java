package org.posthorn.connector.imap.decode;

import java.util.Objects;

/**
 * A client's line answering an AUTHENTICATE challenge (RFC 3501 §6.2.2: {@code base64 CRLF}, or
 * {@code "*"} to cancel). Delivered only after {@link ImapDecoder#expectSaslResponse()}; the base64
 * text is checked for its alphabet and padding ({@code base64} of RFC 3501 §9), not decoded.
 *
 * @param cancelled whether the client sent {@code *} to cancel the exchange
 * @param base64    the response as sent, possibly empty; empty when cancelled
 */
public record SaslResponse(boolean cancelled, String base64) implements ImapInput {

    public SaslResponse {
        Objects.requireNonNull(base64, "base64");
    }

    @Override
    public String toString() {
        return cancelled ? "SaslResponse[cancelled]" : "SaslResponse[" + base64.length() + " base64 characters]";
    }
}
