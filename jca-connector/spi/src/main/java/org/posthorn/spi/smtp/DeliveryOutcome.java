package org.posthorn.spi.smtp;

import java.util.Objects;
import java.util.Optional;
import org.posthorn.spi.MailError;

/**
 * The MTA's answer at the end of {@code DATA}.
 *
 * @param messageId the id under which the message was stored (for the {@code 250} reply and the logs)
 * @param error     empty when the message is durably accepted, else why not
 */
public record DeliveryOutcome(String messageId, Optional<MailError> error) {

    public DeliveryOutcome {
        Objects.requireNonNull(error, "error");
    }

    public static DeliveryOutcome accepted(String messageId) {
        return new DeliveryOutcome(Objects.requireNonNull(messageId, "messageId"), Optional.empty());
    }

    public static DeliveryOutcome refused(MailError error) {
        return new DeliveryOutcome(null, Optional.of(error));
    }

    public boolean isAccepted() {
        return error.isEmpty();
    }
}
