package org.posthorn.ejb.store.mime;

import java.util.ArrayList;
import java.util.List;
import org.posthorn.spi.imap.Envelope.Address;

/**
 * Splits an address-list header value (RFC 5322 §3.4, with the obsolete forms of §4.4) into the
 * address structures of RFC 3501 §7.4.2: display names as written (quotes removed, RFC 2047 encoded
 * words left alone), the obsolete source route, local part and domain; groups as a start marker, the
 * members and an end marker. Comments are dropped, except that a comment after a bare addr-spec
 * serves as its display name, as mail readers show it. Never fails: what cannot be read is skipped.
 */
final class AddressListParser {

    private final String text;
    private int pos;

    private AddressListParser(String text) {
        this.text = text;
    }

    /** The addresses of a header value, or an empty list for null. */
    static List<Address> parse(String value) {
        List<Address> out = new ArrayList<>();
        if (value != null) {
            new AddressListParser(value).addressList(out);
        }
        return out;
    }

    private void addressList(List<Address> out) {
        boolean inGroup = false;
        while (pos < text.length()) {
            Token phrase = phrase();
            char c = peek();
            if (c == ':' && !inGroup) {
                pos++;
                out.add(new Address(null, null, phrase.text.isEmpty() ? "" : phrase.text, null));
                inGroup = true;
                continue;
            }
            if (c == '<') {
                pos++;
                out.add(angleAddress(phrase.text.isEmpty() ? null : phrase.text));
            } else if (!phrase.raw.isBlank()) {
                out.add(addrSpec(phrase.raw.trim(), phrase.comment));
            }
            skipCfws();
            c = peek();
            if (c == ';' && inGroup) {
                pos++;
                out.add(new Address(null, null, null, null));
                inGroup = false;
            }
            skipTo(',', inGroup ? ';' : ',');
            if (peek() == ',') {
                pos++;
            }
        }
        if (inGroup) {
            out.add(new Address(null, null, null, null)); // an unterminated group still ends
        }
    }

    /** {@code <[route:]local@domain>}, positioned after the {@code <}. */
    private Address angleAddress(String name) {
        int close = text.indexOf('>', pos);
        String inner = text.substring(pos, close < 0 ? text.length() : close).trim();
        pos = close < 0 ? text.length() : close + 1;
        String route = null;
        int colon = inner.startsWith("@") ? inner.indexOf(':') : -1;
        if (colon > 0) {
            route = inner.substring(0, colon);
            inner = inner.substring(colon + 1);
        }
        Address spec = addrSpec(inner, null);
        return new Address(name, route, spec.mailbox(), spec.host());
    }

    private static Address addrSpec(String spec, String comment) {
        int at = spec.lastIndexOf('@');
        String local = at < 0 ? spec : spec.substring(0, at);
        String host = at < 0 ? "" : spec.substring(at + 1).trim();
        return new Address(comment, null, unquote(local.trim()), host);
    }

    /** A phrase or addr-spec up to {@code < : , ;} outside quotes; comments collected apart. */
    private Token phrase() {
        StringBuilder words = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        String comment = null;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '<' || c == ',' || c == ';' || (c == ':' && !raw.toString().contains("@"))) {
                break;
            }
            if (c == '"') {
                String quoted = quoted();
                words.append(quoted);
                raw.append('"').append(quoted).append('"');
            } else if (c == '(') {
                comment = comment();
            } else {
                words.append(c);
                raw.append(c);
                pos++;
            }
        }
        return new Token(words.toString().trim().replaceAll("[ \\t\\r\\n]+", " "), raw.toString(), comment);
    }

    private String quoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != '"') {
            if (text.charAt(pos) == '\\' && pos + 1 < text.length()) {
                pos++;
            }
            out.append(text.charAt(pos++));
        }
        pos++;
        return out.toString();
    }

    /** A comment, nested ones included (RFC 5322 §3.2.2), returned without its parentheses. */
    private String comment() {
        int depth = 0;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                out.append(text.charAt(pos++));
                continue;
            }
            if (c == '(' && depth++ == 0) {
                continue;
            }
            if (c == ')' && --depth == 0) {
                break;
            }
            out.append(c);
        }
        String trimmed = out.toString().trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private void skipCfws() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '(') {
                comment();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    /** Skips junk up to the next separator, honouring quotes. */
    private void skipTo(char separator, char alsoStop) {
        while (pos < text.length() && text.charAt(pos) != separator && text.charAt(pos) != alsoStop) {
            if (text.charAt(pos) == '"') {
                quoted();
            } else {
                pos++;
            }
        }
    }

    private char peek() {
        skipWhitespace();
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static String unquote(String local) {
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            return local.substring(1, local.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return local;
    }

    private record Token(String text, String raw, String comment) {
    }
}
