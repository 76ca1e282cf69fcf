package org.posthorn.connector.imap.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The argument rules shared by several commands (RFC 3501 §9), read from an {@link ImapReader}. */
final class Arguments {

    private Arguments() {
    }

    /**
     * {@code mailbox}: {@code "INBOX" / astring}, as UTF-8 text (RFC 3501 names are modified UTF-7,
     * which is ASCII; RFC 6855 allows UTF-8). {@code INBOX} in any case becomes {@code INBOX}
     * (RFC 3501 §5.1); every other name is kept as sent. Control characters are refused: no mailbox
     * is named with them, and they would travel into responses.
     */
    static String mailbox(ImapReader in) {
        String name = utf8(in.astring(), "Mailbox name is not UTF-8");
        if (name.chars().anyMatch(Chars::isControl)) {
            throw SyntaxError.syntax("Control character in mailbox name");
        }
        return name.equalsIgnoreCase("INBOX") ? "INBOX" : name;
    }

    /** {@code list-mailbox}: {@code 1*list-char / string}, wildcards kept, as UTF-8 text. */
    static String listMailbox(ImapReader in) {
        int c = in.peek();
        String pattern = c == '"' || c == '{'
                ? utf8(in.string(), "Mailbox pattern is not UTF-8")
                : in.run(Chars::isListChar);
        if (c != '"' && c != '{' && pattern.isEmpty()) {
            throw SyntaxError.syntax("Expected a mailbox pattern");
        }
        if (pattern.chars().anyMatch(Chars::isControl)) {
            throw SyntaxError.syntax("Control character in mailbox pattern");
        }
        return pattern;
    }

    /**
     * {@code flag}: a system flag or {@code flag-extension} ({@code "\" atom}) or a
     * {@code flag-keyword} ({@code atom}), as sent.
     */
    static String flag(ImapReader in) {
        return in.skip('\\') ? "\\" + in.atom() : in.atom();
    }

    /** {@code flag-list}: {@code "(" [flag *(SP flag)] ")"}. */
    static List<String> flagList(ImapReader in) {
        return list(in, true, () -> flag(in));
    }

    /**
     * {@code header-fld-name}: an {@code astring} that is a field name of RFC 5322 §3.6.8 (printable
     * ASCII but colon), as sent.
     */
    static String headerFieldName(ImapReader in) {
        byte[] name = in.astring();
        if (name.length == 0) {
            throw SyntaxError.syntax("Empty header field name");
        }
        for (byte b : name) {
            if (b <= ' ' || b >= 0x7f || b == ':') {
                throw SyntaxError.syntax("Bad header field name");
            }
        }
        return new String(name, StandardCharsets.US_ASCII);
    }

    /**
     * A parenthesised list of items separated by single spaces: {@code "(" [item *(SP item)] ")"}.
     *
     * @param mayBeEmpty whether {@code ()} is allowed
     */
    static <T> List<T> list(ImapReader in, boolean mayBeEmpty, Supplier<T> item) {
        in.expect('(');
        List<T> items = new ArrayList<>();
        if (in.skip(')')) {
            if (!mayBeEmpty) {
                throw SyntaxError.syntax("Empty list");
            }
            return List.of();
        }
        do {
            items.add(item.get());
        } while (in.skip(' '));
        in.expect(')');
        return List.copyOf(items);
    }

    /** Strict UTF-8; anything else is a syntax error with {@code message}. */
    static String utf8(byte[] octets, String message) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets))
                    .toString();
        } catch (CharacterCodingException e) {
            throw SyntaxError.syntax(message);
        }
    }
}
