package org.posthorn.connector.smtp.decode;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.posthorn.connector.smtp.encode.ReplyFormatter;
import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * Parsers of command arguments (RFC 5321 §4.1.1, §4.1.2), one per argument shape; the command table
 * pairs each verb with one. Pure functions of the argument text.
 */
public final class Arguments {

    private Arguments() {
    }

    /**
     * {@code EHLO}/{@code HELO}: a name, required. RFC 5321 asks for a domain or address literal, but
     * real clients send all sorts of names and nothing depends on it but the trace header, so any
     * non-blank text is taken, with controls removed.
     */
    public static Parsed<SmtpCommand.Hello> hello(String argument) {
        String name = ReplyFormatter.clean(argument.strip());
        return name.isEmpty() ? Parsed.syntax("Syntax: EHLO hostname") : Parsed.ok(new SmtpCommand.Hello(name));
    }

    /** {@code "FROM:" Reverse-path [SP Mail-parameters]}; a space after the colon is tolerated. */
    public static Parsed<SmtpCommand.MailFrom> mailFrom(String argument) {
        if (!argument.regionMatches(true, 0, "FROM:", 0, 5)) {
            return Parsed.syntax("Syntax: MAIL FROM:<address>");
        }
        int start = skipSpaces(argument, 5);
        Parsed<PathParser.Result> path = PathParser.parse(argument, start, PathParser.Kind.REVERSE);
        if (path instanceof Parsed.Invalid<PathParser.Result> invalid) {
            return Parsed.invalid(invalid.reply());
        }
        PathParser.Result result = ((Parsed.Ok<PathParser.Result>) path).value();
        Parsed<MailParameters> parameters = mailParameters(argument.substring(result.end()));
        if (parameters instanceof Parsed.Invalid<MailParameters> invalid) {
            return Parsed.invalid(invalid.reply());
        }
        return Parsed.ok(new SmtpCommand.MailFrom(result.path(), ((Parsed.Ok<MailParameters>) parameters).value()));
    }

    /** {@code "TO:" Forward-path}; {@code Rcpt-parameters} are refused, none being supported. */
    public static Parsed<SmtpCommand.RcptTo> rcptTo(String argument) {
        if (!argument.regionMatches(true, 0, "TO:", 0, 3)) {
            return Parsed.syntax("Syntax: RCPT TO:<address>");
        }
        int start = skipSpaces(argument, 3);
        Parsed<PathParser.Result> path = PathParser.parse(argument, start, PathParser.Kind.FORWARD);
        if (path instanceof Parsed.Invalid<PathParser.Result> invalid) {
            return Parsed.invalid(invalid.reply());
        }
        PathParser.Result result = ((Parsed.Ok<PathParser.Result>) path).value();
        String rest = argument.substring(result.end()).strip();
        if (!rest.isEmpty()) {
            return argument.charAt(result.end()) == ' '
                    ? Parsed.invalid(unsupported(keyword(rest)))
                    : Parsed.syntax("Syntax error in address: text after '>'");
        }
        return Parsed.ok(new SmtpCommand.RcptTo(result.path()));
    }

    /**
     * {@code "AUTH" SP sasl-mech [SP initial-response]} (RFC 4954 §4), {@code sasl-mech} being
     * 1–20 of upper-case letters, digits, {@code -} and {@code _} (RFC 4422 §3.1), matched without
     * regard to case; the initial response is base64 or {@code "="}, checked when it is decoded.
     */
    public static Parsed<SmtpCommand.Auth> auth(String argument) {
        String[] parts = argument.strip().split(" +", -1);
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        if (parts.length > 2 || !mechanism.matches("[A-Z0-9_-]{1,20}")) {
            return Parsed.syntax("Syntax: AUTH mechanism [initial-response]");
        }
        return Parsed.ok(new SmtpCommand.Auth(mechanism,
                parts.length == 2 ? Optional.of(parts[1]) : Optional.empty()));
    }

    /** No argument at all (DATA, RSET, QUIT); trailing spaces are tolerated. */
    public static Parsed<SmtpCommand.Plain> none(String argument) {
        return argument.isBlank() ? Parsed.ok(new SmtpCommand.Plain("")) : Parsed.syntax("Syntax error: no argument allowed");
    }

    /** Optional free text (NOOP, HELP). */
    public static Parsed<SmtpCommand.Plain> optionalText(String argument) {
        return Parsed.ok(new SmtpCommand.Plain(argument.strip()));
    }

    /** Required free text (VRFY). */
    public static Parsed<SmtpCommand.Plain> requiredText(String argument) {
        return argument.isBlank() ? Parsed.syntax("Syntax: VRFY address") : Parsed.ok(new SmtpCommand.Plain(argument.strip()));
    }

    /**
     * {@code Mail-parameters = esmtp-param *(SP esmtp-param)}, {@code esmtp-param = esmtp-keyword ["=" esmtp-value]}
     * (RFC 5321 §4.1.2), of which SIZE, BODY and SMTPUTF8 are known. {@code AUTH=} (RFC 4954 §5) is
     * accepted and ignored, as §5 allows: the identity that counts is the session's own.
     *
     * @param text what follows the reverse-path: empty, or a space and the parameters
     */
    static Parsed<MailParameters> mailParameters(String text) {
        if (text.isBlank()) {
            return Parsed.ok(MailParameters.NONE);
        }
        if (text.charAt(0) != ' ') {
            return Parsed.syntax("Syntax error in address: text after '>'");
        }
        OptionalLong size = OptionalLong.empty();
        MailParameters.Body body = MailParameters.Body.SEVEN_BIT;
        boolean smtputf8 = false;
        Set<String> seen = new HashSet<>();
        for (String parameter : text.strip().split(" +")) {
            int eq = parameter.indexOf('=');
            String keyword = (eq < 0 ? parameter : parameter.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? null : parameter.substring(eq + 1);
            if (!keyword.matches("[A-Z0-9][A-Z0-9-]*") || value != null && !isEsmtpValue(value)) {
                return Parsed.syntax("Syntax error in parameters");
            }
            if (!seen.add(keyword)) {
                return Parsed.syntax("Duplicate parameter " + keyword);
            }
            switch (keyword) {
                case "SIZE" -> {
                    if (value == null || !value.matches("[0-9]{1,20}")) {
                        return Parsed.syntax("Syntax: SIZE=octets");
                    }
                    size = OptionalLong.of(value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value));
                }
                case "BODY" -> {
                    String type = value == null ? "" : value.toUpperCase(Locale.ROOT);
                    if (type.equals("7BIT")) {
                        body = MailParameters.Body.SEVEN_BIT;
                    } else if (type.equals("8BITMIME")) {
                        body = MailParameters.Body.EIGHT_BIT_MIME;
                    } else {
                        return Parsed.invalid(unsupported("BODY=" + type));
                    }
                }
                case "SMTPUTF8" -> {
                    if (value != null) {
                        return Parsed.syntax("Syntax: SMTPUTF8 takes no value");
                    }
                    smtputf8 = true;
                }
                case "AUTH" -> {
                    if (value == null) {
                        return Parsed.syntax("Syntax: AUTH=mailbox");
                    }
                }
                default -> {
                    return Parsed.invalid(unsupported(keyword));
                }
            }
        }
        return Parsed.ok(new MailParameters(size, body, smtputf8));
    }

    /** {@code esmtp-value = 1*(%d33-60 / %d62-126)}, widened by RFC 6531 §3.3 to UTF-8. */
    private static boolean isEsmtpValue(String value) {
        return !value.isEmpty() && value.codePoints().allMatch(c -> c >= 33 && c <= 126 && c != '=' || c >= 128
                && !Character.isISOControl(c) && !Character.isWhitespace(c));
    }

    /** {@code 555 5.5.4}: a parameter is not recognised or not implemented (RFC 5321 §4.1.1.11). */
    private static SmtpReply unsupported(String what) {
        return SmtpReply.of(555, "5.5.4", "Unsupported parameter " + what);
    }

    private static String keyword(String parameter) {
        int end = parameter.indexOf('=');
        String keyword = end < 0 ? parameter : parameter.substring(0, end);
        return keyword.length() > 32 ? keyword.substring(0, 32) : keyword;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
