package org.posthorn.connector.pop3.decode;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.posthorn.connector.codec.LineFramer;

/** One line from the client as the framer delivered it, before anyone knows what it means. */
public sealed interface InputLine {

    /**
     * A framed line without its CRLF. Decoded as UTF-8 (what SASL PLAIN and modern clients send in
     * {@code PASS}); invalid sequences become U+FFFD.
     *
     * @param text   the line
     * @param octets its length on the wire, without the CRLF
     */
    record Text(String text, int octets) implements InputLine {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        public static Text of(String text) {
            return new Text(text, text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    /** A line longer than the framer's limit; its bytes were discarded unread. */
    record TooLong() implements InputLine {
    }

    /**
     * A line ended by a bare LF or holding a bare CR (RFC 1939 §3 wants CRLF); its bytes were
     * discarded, so a line another parser might split differently is never executed.
     */
    record Malformed() implements InputLine {
    }

    static InputLine of(LineFramer.Line line) {
        if (line instanceof LineFramer.Text text) {
            return new Text(new String(text.octets(), StandardCharsets.UTF_8), text.octets().length);
        }
        return line instanceof LineFramer.TooLong ? new TooLong() : new Malformed();
    }
}
