package org.posthorn.connector.smtp.decode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.posthorn.connector.codec.LineFramer;

/**
 * The client's answer to a {@code 334} challenge during {@code AUTH} (RFC 4954 §4): one line that is
 * never a command, whatever it looks like. The decoder pauses after it.
 *
 * @param text the line without CRLF, when it is printable US-ASCII (base64 or {@code "*"}) and within
 *             {@value SmtpFrameDecoder#MAX_AUTH_LINE} octets; empty when it is not (too long, a bare CR
 *             or LF, or other octets), and then nothing of it is kept
 */
public record SaslLine(Optional<String> text) implements SmtpFrame {

    /** Never prints the line, which may be a password. */
    @Override
    public String toString() {
        return "SaslLine[" + (text.isPresent() ? text.get().length() + " chars" : "unreadable") + "]";
    }

    static SaslLine of(LineFramer.Line line) {
        if (!(line instanceof LineFramer.Text text)) {
            return new SaslLine(Optional.empty());
        }
        for (byte octet : text.octets()) {
            if (octet < 0x20 || octet > 0x7e) {
                return new SaslLine(Optional.empty());
            }
        }
        return new SaslLine(Optional.of(new String(text.octets(), StandardCharsets.US_ASCII)));
    }
}
