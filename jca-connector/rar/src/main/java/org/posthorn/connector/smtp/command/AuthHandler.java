package org.posthorn.connector.smtp.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.posthorn.connector.auth.SaslPlain;
import org.posthorn.connector.auth.ScramServer;
import org.posthorn.connector.smtp.decode.SaslLine;
import org.posthorn.connector.smtp.decode.SmtpCommand;
import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * {@code AUTH} (RFC 4954 §4) with the mechanisms PLAIN (RFC 4616), LOGIN (the de-facto one of
 * draft-murchison-sasl-login, which Outlook and many devices still use) and SCRAM-SHA-256 (RFC 7677).
 * Offered only where the plaintext policy lets this connection send a password; elsewhere
 * {@code 538 5.7.11}: SCRAM too, to keep one rule (ADR 0008).
 *
 * <p>Each of the client's lines in the exchange is base64 (RFC 4954 §4); {@code "*"} cancels it
 * ({@code 501 5.7.0}), anything that does not decode ends it with {@code 501 5.5.2}, a line over the
 * limit with {@code 500 5.5.6}. PLAIN takes an
 * initial response or asks with an empty {@code 334}; LOGIN asks for the user name and the password
 * ({@code 334 VXNlcm5hbWU6}, {@code 334 UGFzc3dvcmQ6}), the name possibly given as initial response.
 * A PLAIN authorization identity other than the login is refused like a wrong password: Posthorn has no
 * proxy users. AUTH after a successful one is {@code 503 5.5.1} (§4: "only one successful AUTH").
 *
 * <p>SCRAM-SHA-256 takes the client-first message as initial response or after an empty {@code 334};
 * the server-first and server-final messages go out as {@code 334} challenges, and the client answers
 * the last with an empty line before {@code 235}. A message that is not SCRAM is {@code 501 5.5.2};
 * a wrong proof or a foreign {@code a=} identity is {@code 535 5.7.8}, counted like a wrong password.
 */
final class AuthHandler implements CommandHandler<SmtpCommand.Auth> {

    static final String PLAIN = "PLAIN";
    static final String LOGIN = "LOGIN";
    static final String SCRAM = ScramServer.MECHANISM;
    /** As advertised in EHLO. */
    static final String MECHANISMS = PLAIN + " " + LOGIN + " " + SCRAM;

    /** RFC 4616 §2 and the same for LOGIN: a name or password is at most 255 octets of UTF-8. */
    private static final int MAX_FIELD_OCTETS = 255;
    private static final String USERNAME_CHALLENGE = Base64.getEncoder().encodeToString("Username:".getBytes(StandardCharsets.US_ASCII));
    private static final String PASSWORD_CHALLENGE = Base64.getEncoder().encodeToString("Password:".getBytes(StandardCharsets.US_ASCII));

    private final SmtpLogin login;

    AuthHandler(SmtpLogin login) {
        this.login = login;
    }

    @Override
    public Outcome handle(SmtpCommand.Auth command, SmtpSession session) {
        if (session.isAuthenticated()) {
            return Outcome.reply(SmtpReply.of(503, "5.5.1", "Error: already authenticated"));
        }
        if (!session.authAllowed()) {
            return Outcome.reply(SmtpReply.of(538, "5.7.11", "Encryption required for requested authentication mechanism"));
        }
        Optional<Response> initial = command.initialResponse().map(AuthHandler::initialResponse);
        return switch (command.mechanism()) {
            case PLAIN -> initial.isPresent() ? plain(initial.get(), session) : ask("", session, this::plain);
            case LOGIN -> initial.isPresent() ? loginName(initial.get(), session) : ask(USERNAME_CHALLENGE, session, this::loginName);
            case SCRAM -> scram(login.newScramExchange(), initial, session);
            default -> Outcome.reply(SmtpReply.of(504, "5.5.4", "Unrecognized authentication type"));
        };
    }

    private Outcome plain(Response response, SmtpSession session) {
        if (!(response instanceof Response.Data data)) {
            return ended(response, session);
        }
        Optional<SaslPlain> plain = SaslPlain.parse(data.bytes());
        if (plain.isEmpty()) {
            return SmtpDispatcher.badCommand(session, SmtpReply.of(501, "5.5.2", "Malformed PLAIN message"));
        }
        if (plain.get().actsForAnother()) {
            return login.rejected(session, plain.get().login());
        }
        return login.authenticate(session, plain.get().login(), plain.get().password());
    }

    private Outcome loginName(Response response, SmtpSession session) {
        if (!(response instanceof Response.Data data)) {
            return ended(response, session);
        }
        Optional<String> name = field(data.bytes());
        if (name.isEmpty()) {
            return SmtpDispatcher.badCommand(session, SmtpReply.of(501, "5.5.2", "Malformed user name"));
        }
        return ask(PASSWORD_CHALLENGE, session, (password, again) -> loginPassword(name.get(), password, again));
    }

    private Outcome loginPassword(String name, Response response, SmtpSession session) {
        if (!(response instanceof Response.Data data)) {
            return ended(response, session);
        }
        Optional<String> password = field(data.bytes());
        if (password.isEmpty()) {
            return SmtpDispatcher.badCommand(session, SmtpReply.of(501, "5.5.2", "Malformed password"));
        }
        return login.authenticate(session, name, password.get());
    }

    private Outcome scram(ScramServer server, Optional<Response> initial, SmtpSession session) {
        Step next = (response, again) -> scramResponse(server, response, again);
        return initial.isPresent() ? next.take(initial.get(), session) : ask("", session, next);
    }

    private Outcome scramResponse(ScramServer server, Response response, SmtpSession session) {
        if (!(response instanceof Response.Data data)) {
            return ended(response, session);
        }
        return scramStep(server, server.receive(data.bytes()), session);
    }

    private Outcome scramStep(ScramServer server, ScramServer.Step step, SmtpSession session) {
        if (step instanceof ScramServer.Step.Challenge challenge) {
            return ask(Base64.getEncoder().encodeToString(challenge.message()), session,
                    (response, again) -> scramResponse(server, response, again));
        }
        if (step instanceof ScramServer.Step.NeedCredentials need) {
            return login.scramCredentials(session, need.login(),
                    found -> scramStep(server, server.credentials(found), session));
        }
        if (step instanceof ScramServer.Step.Malformed malformed) {
            return SmtpDispatcher.badCommand(session, SmtpReply.of(501, "5.5.2", "Malformed SCRAM message: " + malformed.reason()));
        }
        if (step instanceof ScramServer.Step.ForeignIdentity foreign) {
            return login.rejected(session, foreign.login());
        }
        if (step instanceof ScramServer.Step.WrongProof wrong) {
            return login.scramFailed(session, wrong.login());
        }
        ScramServer.Step.Authenticated authenticated = (ScramServer.Step.Authenticated) step;
        return login.scramAuthenticated(session, authenticated.login(), authenticated.account());
    }

    /** Sends a challenge; the client's next line goes to {@code next}. */
    private static Outcome ask(String challenge, SmtpSession session, Step next) {
        session.expectSaslLine(line -> next.take(continuation(line), session));
        return Outcome.challenge(SmtpReply.plain(334, challenge));
    }

    /** The exchange ends without a login: cancelled, or a line that is not base64. */
    private static Outcome ended(Response response, SmtpSession session) {
        if (response instanceof Response.Cancel) {
            return Outcome.reply(SmtpReply.of(501, "5.7.0", "Authentication cancelled"));
        }
        if (response instanceof Response.Unreadable) {
            return SmtpDispatcher.badCommand(session,
                    SmtpReply.of(500, "5.5.6", "Authentication exchange line is too long or malformed"));
        }
        return SmtpDispatcher.badCommand(session, SmtpReply.of(501, "5.5.2", "Cannot decode response"));
    }

    /** One step of a mechanism: what to do with the client's next response. */
    @FunctionalInterface
    private interface Step {
        Outcome take(Response response, SmtpSession session);
    }

    /** A client response, decoded. */
    private sealed interface Response {
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

    /** The initial response of the AUTH line: {@code "="} is an empty one (RFC 4954 §4). */
    private static Response initialResponse(String text) {
        return text.equals("=") ? new Response.Data(new byte[0]) : decode(text);
    }

    private static Response continuation(SaslLine line) {
        return line.text().map(AuthHandler::decode).orElseGet(Response.Unreadable::new);
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

    /** A LOGIN user name or password: non-empty UTF-8 of at most 255 octets without NUL. */
    private static Optional<String> field(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_FIELD_OCTETS) {
            return Optional.empty();
        }
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            // Not UTF-8 is a malformed response, reported to the client as such.
            return Optional.empty();
        }
    }
}
