package org.posthorn.ejb.mta;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.smtp.SmtpEnvelope;

/**
 * The trace header fields (RFC 5321 §4.4) the final delivery adds on top of a message:
 * {@code Return-Path:} with the reverse-path, then a {@code Received:} time stamp. Both are built
 * from what the client said (its HELO name, its addresses), so nothing from it is written unless it
 * has the syntax the grammar asks for; line breaks in particular can never get through.
 */
public final class TraceHeaders {

    /** RFC 5322 §2.1.1: lines SHOULD stay within 78 characters. */
    static final int LINE_LIMIT = 78;
    static final String CRLF = "\r\n";

    /** RFC 5322 §3.3 {@code date-time} with a numeric zone. */
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    /** RFC 5321 §4.1.2 {@code Domain}: LDH labels separated by dots. */
    private static final Pattern DOMAIN =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    /** RFC 5321 §4.1.3 {@code address-literal}, loosely: IPv4 digits and dots, or IPv6 hex, colons and dots. */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("\\[(?:[0-9.]{7,15}|IPv6:[0-9A-Fa-f:.]{2,45})]");
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private TraceHeaders() {
    }

    /** {@code Return-Path: <reverse-path>} (RFC 5321 §4.4), with CRLF. */
    public static String returnPath(SmtpEnvelope envelope) {
        return returnPath(envelope.sender());
    }

    /** {@code Return-Path: <reverse-path>} (RFC 5321 §4.4), with CRLF; {@code <>} for the null reverse-path. */
    static String returnPath(Optional<MailAddress> sender) {
        return "Return-Path: " + MailPath.of(sender) + CRLF;
    }

    /**
     * The {@code Received:} field (RFC 5321 §4.4 {@code Time-stamp-line}), folded, with CRLF:
     * {@code from <helo> ([ip]) by <host> (Posthorn) with <protocol> id <id> [for <rcpt>]; <date>}.
     * {@code for} is only written when the envelope has exactly one recipient, so that a copy does not
     * reveal the other (perhaps blind) recipients.
     *
     * @param byHost this server's name
     * @param id     the delivery's id, an atom
     * @param when   the time of receipt
     */
    public static String received(SmtpEnvelope envelope, String byHost, String id, ZonedDateTime when) {
        return received(envelope, byHost, id, when, true);
    }

    /**
     * {@link #received(SmtpEnvelope, String, String, ZonedDateTime)}, with the client's IP address
     * left out when {@code showClientAddress} is false: a submission server need not tell the world
     * where its users are (RFC 6409 §8 leaves {@code Received:} to the server; Postfix users hide it
     * with header checks). The HELO name stays, which the client chose to give.
     */
    public static String received(SmtpEnvelope envelope, String byHost, String id, ZonedDateTime when,
                                  boolean showClientAddress) {
        List<String> clauses = new ArrayList<>();
        clauses.add("from " + (showClientAddress ? fromDomain(envelope.heloName(), envelope.client().remoteAddress())
                : heloOnly(envelope.heloName())));
        clauses.add("by " + byHost + " (Posthorn)");
        clauses.add("with " + (ATOM.matcher(envelope.protocol()).matches() ? envelope.protocol() : "SMTP"));
        clauses.add("id " + id);
        if (envelope.recipients().size() == 1) {
            clauses.add("for " + MailPath.of(envelope.recipients().get(0)));
        }
        int last = clauses.size() - 1;
        clauses.set(last, clauses.get(last) + ";");
        clauses.add(dateTime(when));
        return fold("Received:", clauses);
    }

    /** RFC 5322 §3.3 {@code date-time}, as in {@code Date:} and trace fields. */
    public static String dateTime(ZonedDateTime when) {
        return DATE_TIME.format(when);
    }

    /**
     * {@code Extended-Domain}: the HELO name with the client's address literal as TCP-info, or only
     * the address literal when the HELO name is not a domain or address literal.
     */
    static String fromDomain(String heloName, InetSocketAddress client) {
        InetAddress address = client.getAddress();
        boolean heloValid = validHelo(heloName);
        if (address == null) {
            // An unresolved socket address: no literal to give.
            return heloValid ? heloName : "unknown";
        }
        String literal = addressLiteral(address);
        return (heloValid ? heloName : literal) + " (" + literal + ")";
    }

    /** The HELO name when it is a domain or address literal, else {@code unknown}. */
    static String heloOnly(String heloName) {
        return validHelo(heloName) ? heloName : "unknown";
    }

    private static boolean validHelo(String heloName) {
        return heloName.length() <= 255
                && (DOMAIN.matcher(heloName).matches() || ADDRESS_LITERAL.matcher(heloName).matches());
    }

    /** RFC 5321 §4.1.3: {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]}. */
    static String addressLiteral(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        if (scope >= 0) {
            text = text.substring(0, scope);
        }
        return address instanceof Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
    }

    /**
     * Writes {@code name} and the clauses separated by spaces, breaking the line before a clause that
     * would pass {@link #LINE_LIMIT} (RFC 5322 §2.2.3 folding: CRLF then a tab). A clause longer than
     * a line stays whole: folding happens only between clauses.
     */
    static String fold(String name, List<String> clauses) {
        StringBuilder out = new StringBuilder(name);
        int lineLength = name.length();
        for (String clause : clauses) {
            if (lineLength + 1 + clause.length() > LINE_LIMIT && lineLength > name.length()) {
                out.append(CRLF).append('\t');
                lineLength = 1;
            } else {
                out.append(' ');
                lineLength++;
            }
            out.append(clause);
            lineLength += clause.length();
        }
        return out.append(CRLF).toString();
    }
}
