package org.posthorn.spi.pop3;

import java.util.Objects;

/**
 * One message of a maildrop listing.
 *
 * @param messageId the post office's id of the message in this mailbox (stable, not the POP3 number)
 * @param size      its exact size in octets as stored (CRLF line ends, before dot-stuffing)
 * @param uniqueId  its unique-id listing (RFC 1939 {@code UIDL}): 1 to 70 characters 0x21-0x7E,
 *                  never reused for another message of this maildrop
 */
public record MaildropEntry(long messageId, long size, String uniqueId) {

    public MaildropEntry {
        Objects.requireNonNull(uniqueId, "uniqueId");
        if (uniqueId.isEmpty() || uniqueId.length() > 70 || !uniqueId.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new IllegalArgumentException("invalid unique-id: " + uniqueId);
        }
    }
}
