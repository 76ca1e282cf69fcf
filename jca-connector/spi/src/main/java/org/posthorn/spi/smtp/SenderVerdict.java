package org.posthorn.spi.smtp;

import java.util.Objects;
import java.util.Optional;
import org.posthorn.spi.MailError;

/**
 * The MTA's answer to one {@code MAIL FROM}.
 *
 * @param error empty when the reverse-path is accepted, else why not: {@code NO_PERMISSION} for an
 *              authenticated client using an address it does not own (RFC 6409 §6.1)
 */
public record SenderVerdict(Optional<MailError> error) {

    private static final SenderVerdict ACCEPT = new SenderVerdict(Optional.empty());

    public SenderVerdict {
        Objects.requireNonNull(error, "error");
    }

    public static SenderVerdict accept() {
        return ACCEPT;
    }

    public static SenderVerdict refuse(MailError error) {
        return new SenderVerdict(Optional.of(error));
    }

    public boolean accepted() {
        return error.isEmpty();
    }
}
