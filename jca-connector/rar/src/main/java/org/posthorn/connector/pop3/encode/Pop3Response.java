package org.posthorn.connector.pop3.encode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.posthorn.spi.MessageContent;

/**
 * One POP3 response (RFC 1939 §3), as a value. Every text is passed through
 * {@link ResponseText#sanitize} on construction, so no response can carry a line break.
 */
public sealed interface Pop3Response {

    /** {@code +OK text}. */
    record Ok(String text) implements Pop3Response {
        public Ok {
            text = ResponseText.sanitize(text);
        }
    }

    /** {@code -ERR [code] text} (RFC 2449 §8 for the code). */
    record Err(Optional<ResponseCode> code, String text) implements Pop3Response {
        public Err {
            Objects.requireNonNull(code, "code");
            text = ResponseText.sanitize(text);
        }

        public Err(String text) {
            this(Optional.empty(), text);
        }

        public Err(ResponseCode code, String text) {
            this(Optional.of(code), text);
        }
    }

    /** {@code +OK text}, then the lines, dot-stuffed, then {@code "."} (RFC 1939 §3 multi-line). */
    record Listing(String text, List<String> lines) implements Pop3Response {
        public Listing {
            text = ResponseText.sanitize(text);
            lines = lines.stream().map(ResponseText::sanitize).toList();
        }
    }

    /**
     * {@code +OK text}, then a stored message dot-stuffed and terminated: all of it ({@code RETR},
     * RFC 1939 §7) or its header, the blank line and {@code bodyLines} lines of its body ({@code TOP}).
     */
    record Message(String text, MessageContent content, OptionalLong bodyLines) implements Pop3Response {
        public Message {
            text = ResponseText.sanitize(text);
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(bodyLines, "bodyLines");
        }
    }

    /** {@code + challenge}: the server's SASL challenge, base64, empty for PLAIN (RFC 5034 §4). */
    record Continuation(String challenge) implements Pop3Response {
        public Continuation {
            challenge = ResponseText.sanitize(challenge);
        }
    }
}
