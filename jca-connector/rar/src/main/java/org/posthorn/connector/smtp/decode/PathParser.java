package org.posthorn.connector.smtp.decode;

import java.nio.charset.StandardCharsets;
import org.posthorn.connector.smtp.encode.SmtpReply;
import org.posthorn.spi.MailAddress;

/**
 * Parses the paths of {@code MAIL FROM} and {@code RCPT TO}: RFC 5321 §4.1.2 with the RFC 6531 §3.3
 * extensions for SMTPUTF8.
 *
 * <pre>
 * Reverse-path = Path / "&lt;&gt;"                Forward-path = Path / "&lt;Postmaster&gt;" (§4.1.1.3)
 * Path         = "&lt;" [ A-d-l ":" ] Mailbox "&gt;"   A-d-l = At-domain *( "," At-domain )  (source route: ignored)
 * Mailbox      = Local-part "@" ( Domain / address-literal )
 * Local-part   = Dot-string / Quoted-string      Dot-string = Atom *("." Atom)
 * Quoted-string = DQUOTE *( qtextSMTP / "\" %d32-126 ) DQUOTE
 * Domain       = sub-domain *("." sub-domain)    sub-domain = Let-dig [Ldh-str]  (or a U-label, RFC 6531)
 * address-literal = "[" ( IPv4-address-literal / "IPv6:" IPv6-addr / General-address-literal ) "]"  (§4.1.3)
 * </pre>
 *
 * <p>Limits (§4.5.3.1): local part 64 octets, domain 255, whole path 256. Non-ASCII is accepted in atoms,
 * quoted strings and domain labels and flagged ({@link Path.Mailbox#utf8()}); whether the transaction
 * allows it is the caller's decision. Controls and Unicode white space are refused everywhere.
 *
 * <p>A quoted local part is unquoted ({@code "alice"@x} is {@code alice@x}). One whose content has a
 * space or a control cannot be carried by {@link MailAddress} and is refused with {@code 553 5.1.3}.
 */
public final class PathParser {

    /** Which path is expected. */
    public enum Kind {
        /** {@code MAIL FROM}: {@code <>} allowed. */
        REVERSE,
        /** {@code RCPT TO}: {@code <Postmaster>} allowed. */
        FORWARD
    }

    /**
     * A parsed path and where it ended.
     *
     * @param path the path
     * @param end  the index in the text just after its closing {@code >}
     */
    public record Result(Path path, int end) {
    }

    private final String text;
    private final Kind kind;
    private int pos;
    private boolean utf8;

    private PathParser(String text, int start, Kind kind) {
        this.text = text;
        this.pos = start;
        this.kind = kind;
    }

    /** Parses the path that starts at {@code text[start]}; what follows it is left to the caller. */
    public static Parsed<Result> parse(String text, int start, Kind kind) {
        PathParser parser = new PathParser(text, start, kind);
        try {
            Path path = parser.path();
            return Parsed.ok(new Result(path, parser.pos));
        } catch (Refused refused) {
            return Parsed.invalid(refused.reply);
        }
    }

    /** Parses text that must be exactly one path. */
    public static Parsed<Path> parseAll(String text, Kind kind) {
        Parsed<Result> parsed = parse(text, 0, kind);
        if (parsed instanceof Parsed.Ok<Result> ok) {
            return ok.value().end() == text.length()
                    ? Parsed.ok(ok.value().path())
                    : Parsed.syntax("Syntax error in address: text after '>'");
        }
        return Parsed.invalid(((Parsed.Invalid<Result>) parsed).reply());
    }

    private Path path() throws Refused {
        int start = pos;
        expect('<');
        if (kind == Kind.REVERSE && peek() == '>') {
            pos++;
            return new Path.NullPath();
        }
        if (peek() == '@') {
            sourceRoute();
        }
        if (kind == Kind.FORWARD && text.regionMatches(true, pos, "postmaster>", 0, 11)) {
            pos += 11;
            return new Path.Postmaster();
        }
        int localStart = pos;
        String local = peek() == '"' ? quotedString() : dotString();
        if (octets(localStart, pos) > MailAddress.MAX_LOCAL_PART_LENGTH) {
            throw syntax("Local part too long");
        }
        expect('@');
        int domainStart = pos;
        String domain = peek() == '[' ? addressLiteral() : domain();
        if (octets(domainStart, pos) > MailAddress.MAX_DOMAIN_LENGTH) {
            throw syntax("Domain too long");
        }
        expect('>');
        if (octets(start, pos) > 256) {
            throw syntax("Path too long");
        }
        if (local.isEmpty() || local.codePoints().anyMatch(cp -> cp <= ' ' || Character.isISOControl(cp))) {
            throw new Refused(SmtpReply.of(553, "5.1.3", "Quoted local part is empty or has a space: not supported"));
        }
        return new Path.Mailbox(new MailAddress(local, domain), utf8);
    }

    /** {@code A-d-l ":"}: parsed for syntax, then forgotten (RFC 5321 §4.1.1.3, §C). */
    private void sourceRoute() throws Refused {
        do {
            expect('@');
            domain();
        } while (accept(','));
        expect(':');
    }

    private String dotString() throws Refused {
        int start = pos;
        do {
            int atomStart = pos;
            while (pos < text.length() && AddressSyntax.isAtext(text.codePointAt(pos))) {
                int cp = text.codePointAt(pos);
                utf8 |= cp >= 128;
                pos += Character.charCount(cp);
            }
            if (pos == atomStart) {
                throw syntax("Syntax error in address: bad local part");
            }
        } while (accept('.'));
        return text.substring(start, pos);
    }

    private String quotedString() throws Refused {
        expect('"');
        StringBuilder unquoted = new StringBuilder();
        while (true) {
            int cp = next("Syntax error in address: unterminated quoted string");
            if (cp == '"') {
                return unquoted.toString();
            }
            if (cp == '\\') {
                cp = next("Syntax error in address: unterminated quoted string");
                if (cp < 32 || cp > 126) {
                    throw syntax("Syntax error in address: bad quoted pair");
                }
            } else if (cp < 32 || cp == 127 || (cp > 127 && !AddressSyntax.isUtf8Text(cp))) {
                throw syntax("Syntax error in address: bad character in quoted string");
            }
            unquoted.appendCodePoint(cp);
        }
    }

    private String domain() throws Refused {
        int start = pos;
        do {
            int labelStart = pos;
            int last = -1;
            while (pos < text.length()) {
                int cp = text.codePointAt(pos);
                if (!AddressSyntax.isLetDig(cp) && !(cp == '-' && pos > labelStart)) {
                    break;
                }
                utf8 |= cp >= 128;
                last = cp;
                pos += Character.charCount(cp);
            }
            if (pos == labelStart || last == '-' || text.codePointCount(labelStart, pos) > 63) {
                throw syntax("Syntax error in address: bad domain");
            }
        } while (accept('.'));
        return text.substring(start, pos);
    }

    /** {@code "[" ... "]"} of RFC 5321 §4.1.3, validated; kept as written. */
    private String addressLiteral() throws Refused {
        int start = pos;
        expect('[');
        int close = text.indexOf(']', pos);
        if (close < 0) {
            throw syntax("Syntax error in address: unterminated address literal");
        }
        String inner = text.substring(pos, close);
        pos = close + 1;
        boolean valid;
        if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
            valid = AddressSyntax.isIpv6(inner.substring(5));
        } else if (!inner.isEmpty() && Character.isDigit(inner.charAt(0)) && inner.indexOf(':') < 0) {
            valid = AddressSyntax.isIpv4(inner);
        } else {
            valid = AddressSyntax.isGeneral(inner);
        }
        if (!valid) {
            throw syntax("Syntax error in address: bad address literal");
        }
        return text.substring(start, pos);
    }

    private int peek() {
        return pos < text.length() ? text.codePointAt(pos) : -1;
    }

    private int next(String error) throws Refused {
        if (pos >= text.length()) {
            throw syntax(error);
        }
        int cp = text.codePointAt(pos);
        pos += Character.charCount(cp);
        utf8 |= cp >= 128;
        return cp;
    }

    private boolean accept(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws Refused {
        if (!accept(c)) {
            throw syntax("Syntax error in address: expected '" + c + "'");
        }
    }

    private int octets(int from, int to) {
        return text.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
    }

    private static Refused syntax(String message) {
        return new Refused(SmtpReply.of(501, "5.5.4", message));
    }

    /** Carries the refusal out of the recursive descent; {@link #parse} turns it into a value. */
    private static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient SmtpReply reply;

        Refused(SmtpReply reply) {
            super(reply.lines().get(0), null, false, false);
            this.reply = reply;
        }
    }
}
