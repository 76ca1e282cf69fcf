package org.posthorn.connector.smtp.command;

import java.util.Base64;
import org.posthorn.connector.smtp.decode.SaslLine;
import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * The plumbing every AUTH mechanism shares (RFC 4954 §4): sending a {@code 334} challenge and handing the
 * client's next line, base64-decoded, to the mechanism's next step; and the replies that end an exchange
 * without a login ({@code *} cancels with {@code 501 5.7.0}, what does not decode is {@code 501 5.5.2},
 * a line over the limit or with bare CR/LF {@code 500 5.5.6}).
 */
final class SaslExchange {

    private SaslExchange() {
    }

    /** One step of a mechanism: what to do with the client's next response. */
    @FunctionalInterface
    interface Step {
        Outcome take(Response response, SmtpSession session);
    }

    /** A client response, decoded. */
    sealed interface Response {
        record Data(byte[] bytes) implements Response {
        }

        record Cancel() implements Response {
        }

        record Malformed() implements Response {
        }

        /** Too long, or with a bare CR or LF or a non-ASCII octet. */
        record Unreadable() implements Response {
        }
    }

    /** Sends a challenge; the client's next line goes to {@code next}. */
    static Outcome ask(String challenge, SmtpSession session, Step next) {
        session.expectSaslLine(line -> next.take(continuation(line), session));
        return Outcome.challenge(SmtpReply.plain(334, challenge));
    }

    /** The exchange ends without a login: cancelled, or a line that is not base64. */
    static Outcome ended(Response response, SmtpSession session) {
        if (response instanceof Response.Cancel) {
            return Outcome.reply(SmtpReply.of(501, "5.7.0", "Authentication cancelled"));
        }
        if (response instanceof Response.Unreadable) {
            return SmtpDispatcher.badCommand(session,
                    SmtpReply.of(500, "5.5.6", "Authentication exchange line is too long or malformed"));
        }
        return SmtpDispatcher.badCommand(session, SmtpReply.of(501, "5.5.2", "Cannot decode response"));
    }

    /** The initial response of the AUTH line: {@code "="} is an empty one (RFC 4954 §4). */
    static Response initialResponse(String text) {
        return text.equals("=") ? new Response.Data(new byte[0]) : decode(text);
    }

    private static Response continuation(SaslLine line) {
        return line.text().map(SaslExchange::decode).orElseGet(Response.Unreadable::new);
    }

    private static Response decode(String text) {
        if (text.equals("*")) {
            return new Response.Cancel();
        }
        try {
            return new Response.Data(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException notBase64) {
            // The JDK decoder's only way to say "not base64"; the client learns it from the reply.
            return new Response.Malformed();
        }
    }
}
