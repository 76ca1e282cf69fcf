package org.posthorn.connector.smtp.decode;

import java.util.OptionalLong;

/**
 * The {@code Mail-parameters} of {@code MAIL FROM} that Posthorn supports.
 *
 * @param size     the declared message size, {@code SIZE=} (RFC 1870 §4); {@link Long#MAX_VALUE} if
 *                 too large to represent
 * @param body     the body type, {@code BODY=} (RFC 6152 §2); {@code 7BIT} when not given
 * @param smtputf8 {@code SMTPUTF8} was given (RFC 6531 §3.4)
 */
public record MailParameters(OptionalLong size, Body body, boolean smtputf8) {

    /** The values of {@code BODY=} that are supported; {@code BINARYMIME} needs CHUNKING, which is not. */
    public enum Body {
        SEVEN_BIT,
        EIGHT_BIT_MIME
    }

    public static final MailParameters NONE = new MailParameters(OptionalLong.empty(), Body.SEVEN_BIT, false);
}
