package org.posthorn.spi.smtp;

import java.util.Objects;
import java.util.Optional;
import org.posthorn.spi.MailError;

/**
 * The MTA's answer to one {@code RCPT TO}.
 *
 * @param error empty when the recipient is accepted, else why not
 */
public record RecipientVerdict(Optional<MailError> error) {

    private static final RecipientVerdict ACCEPT = new RecipientVerdict(Optional.empty());

    public RecipientVerdict {
        Objects.requireNonNull(error, "error");
    }

    public static RecipientVerdict accept() {
        return ACCEPT;
    }

    public static RecipientVerdict refuse(MailError error) {
        return new RecipientVerdict(Optional.of(error));
    }

    public boolean accepted() {
        return error.isEmpty();
    }
}
