package org.posthorn.connector.imap.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A cursor over one {@link RawCommand} reading the lexical rules of RFC 3501 §9: atoms, quoted
 * strings, literals, {@code astring}, {@code nstring}, numbers. A literal is read where its
 * announcement stands at the end of a line; the cursor then goes on at the start of the next line.
 * Every method throws {@link SyntaxError} at the first octet that does not fit.
 */
final class ImapReader {

    private final List<byte[]> lines;
    private final List<byte[]> literals;
    private int index;
    private byte[] text;
    private int pos;

    ImapReader(RawCommand command) {
        this.lines = command.lines();
        this.literals = command.literals();
        this.text = lines.get(0);
    }

    /** The next octet of the current line, or -1 at its end. */
    int peek() {
        return pos < text.length ? text[pos] & 0xff : -1;
    }

    /** Takes the next octet of the current line. */
    int next() {
        int c = peek();
        if (c < 0) {
            throw SyntaxError.syntax("Unexpected end of command");
        }
        pos++;
        return c;
    }

    boolean atEnd() {
        return pos == text.length && index == lines.size() - 1;
    }

    /** Requires the end of the command. */
    void end() {
        if (!atEnd()) {
            throw SyntaxError.syntax("Unexpected characters at the end of the command");
        }
    }

    /** Requires one {@code SP}. */
    void sp() {
        expect(' ');
    }

    void expect(char c) {
        if (!skip(c)) {
            throw SyntaxError.syntax(switch (c) {
                case ' ' -> "Expected a space";
                case '(' -> "Expected (";
                case ')' -> "Expected )";
                default -> "Expected " + c;
            });
        }
    }

    /** Takes {@code c} if it comes next. */
    boolean skip(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** One or more octets of {@code kind}, as ASCII text; may be empty. */
    String run(IntPredicate kind) {
        int start = pos;
        while (pos < text.length && kind.test(text[pos] & 0xff)) {
            pos++;
        }
        return new String(text, start, pos - start, StandardCharsets.US_ASCII);
    }

    /** {@code atom}: one or more {@code ATOM-CHAR}s. */
    String atom() {
        String atom = run(Chars::isAtomChar);
        if (atom.isEmpty()) {
            throw SyntaxError.syntax("Expected an atom");
        }
        return atom;
    }

    /** An atom in upper case, for keywords (ABNF literal strings are case-insensitive). */
    String keyword() {
        return atom().toUpperCase(Locale.ROOT);
    }

    /** Takes {@code upper} if the next atom is it, in any case. */
    boolean keyword(String upper) {
        int end = pos;
        while (end < text.length && Chars.isAtomChar(text[end] & 0xff)) {
            end++;
        }
        String atom = new String(text, pos, end - pos, StandardCharsets.US_ASCII);
        if (atom.equalsIgnoreCase(upper)) {
            pos = end;
            return true;
        }
        return false;
    }

    /** {@code astring}: an atom of {@code ASTRING-CHAR}s, or a {@code string}. */
    byte[] astring() {
        int c = peek();
        if (c == '"' || c == '{') {
            return string();
        }
        String atom = run(Chars::isAstringChar);
        if (atom.isEmpty()) {
            throw SyntaxError.syntax("Expected an atom or a string");
        }
        return atom.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code string}: {@code quoted} or {@code literal}. */
    byte[] string() {
        int c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '{') {
            return literal();
        }
        throw SyntaxError.syntax("Expected a string");
    }

    /** {@code nstring}: a {@code string} or {@code NIL}. */
    Optional<byte[]> nstring() {
        int c = peek();
        if (c == '"' || c == '{') {
            return Optional.of(string());
        }
        if (!keyword("NIL")) {
            throw SyntaxError.syntax("Expected a string or NIL");
        }
        return Optional.empty();
    }

    /**
     * {@code quoted}: {@code DQUOTE *QUOTED-CHAR DQUOTE}, where only {@code "} and {@code \} may be
     * escaped. Octets above 0x7F are taken as RFC 6855 allows (UTF-8 in quoted strings); NUL is not.
     */
    byte[] quoted() {
        expect('"');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int c = peek();
            if (c < 0) {
                throw SyntaxError.syntax("Unterminated quoted string");
            }
            pos++;
            if (c == '"') {
                return out.toByteArray();
            }
            if (c == '\\') {
                c = peek();
                if (c != '"' && c != '\\') {
                    throw SyntaxError.syntax("Bad escape in quoted string");
                }
                pos++;
            } else if (c == 0) {
                throw SyntaxError.syntax("NUL in quoted string");
            }
            out.write(c);
        }
    }

    /**
     * {@code literal}: {@code "{" number ["+"] "}" CRLF *CHAR8}. The framer has read the octets and
     * checked the number; here the announcement must end its line.
     */
    byte[] literal() {
        expect('{');
        String digits = run(Chars::isDigit);
        skip('+');
        expect('}');
        if (digits.isEmpty() || pos != text.length || index == lines.size() - 1) {
            throw SyntaxError.syntax("Literal announcement not at the end of a line");
        }
        byte[] literal = literals.get(index);
        index++;
        text = lines.get(index);
        pos = 0;
        return literal;
    }
}
