package org.posthorn.connector.imap.encode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One response the server sends (RFC 3501 §7, RFC 9051 §7), as a value: a status line, a data line,
 * a continuation request, or a FETCH response whose body sections go as literals. Text and codes are
 * stripped of CR, LF and NUL on construction ({@link ImapStrings#text}), so no response can carry a
 * line break that the encoder did not put there.
 */
public sealed interface ImapResponse {

    /** {@code resp-cond-state}, {@code resp-cond-bye} and {@code resp-cond-auth} (RFC 3501 §7.1). */
    enum Status { OK, NO, BAD, BYE, PREAUTH }

    /**
     * {@code tag SP status SP ["[" code "]" SP] text} (RFC 3501 §7.1, {@code response-tagged}).
     *
     * @param tag    the client's tag, already checked to be tag characters by the decoder
     * @param code   the inside of the brackets ({@code resp-text-code}), e.g. {@code APPENDUID 38505 3955}
     * @param text   server text
     */
    record Tagged(String tag, Status status, Optional<String> code, String text) implements ImapResponse {
        public Tagged {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(status, "status");
            code = code.map(ImapStrings::text);
            text = ImapStrings.text(text);
        }
    }

    /** {@code "*" SP status SP ["[" code "]" SP] text}: untagged OK/NO/BAD, BYE, PREAUTH (RFC 3501 §7.1). */
    record Untagged(Status status, Optional<String> code, String text) implements ImapResponse {
        public Untagged {
            Objects.requireNonNull(status, "status");
            code = code.map(ImapStrings::text);
            text = ImapStrings.text(text);
        }
    }

    /**
     * {@code "*" SP text CRLF}, the text written as is in UTF-8 ({@code response-data} other than
     * FETCH, e.g. {@code 3 EXISTS}, {@code LIST (\HasNoChildren) "/" INBOX}). The caller builds it with
     * {@link ImapStrings} for every string that came from a client or a message; it may then contain
     * literals, and so CRLF, by design.
     */
    record Data(String text) implements ImapResponse {
        public Data {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code "+" SP text CRLF} ({@code continue-req}, RFC 3501 §7.5). */
    record Continuation(String text) implements ImapResponse {
        public Continuation {
            text = ImapStrings.text(text);
        }
    }

    /** {@code "*" SP sequence SP "FETCH" SP "(" item *(SP item) ")"} (RFC 3501 §7.4.2). */
    record FetchData(long sequence, List<FetchItem> items) implements ImapResponse {
        public FetchData {
            items = List.copyOf(items);
        }
    }
}
