package org.posthorn.connector.smtp.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.posthorn.connector.auth.SaslPlain;
import org.posthorn.connector.auth.ScramServer;
import org.posthorn.connector.smtp.decode.SmtpCommand;
import org.posthorn.connector.smtp.command.SaslExchange.Response;
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
 * <p>SCRAM-SHA-256 is {@link ScramAuth}'s; the challenge-and-response plumbing all three share is
 * {@link SaslExchange}'s.
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
    private final ScramAuth scram;

    AuthHandler(SmtpLogin login) {
        this.login = login;
        this.scram = new ScramAuth(login);
    }

    @Override
    public Outcome handle(SmtpCommand.Auth command, SmtpSession session) {
        if (session.isAuthenticated()) {
            return Outcome.reply(SmtpReply.of(503, "5.5.1", "Error: already authenticated"));
        }
        if (!session.authAllowed()) {
            return Outcome.reply(SmtpReply.of(538, "5.7.11", "Encryption required for requested authentication mechanism"));
        }
        Optional<Response> initial = command.initialResponse().map(SaslExchange::initialResponse);
        return switch (command.mechanism()) {
            case PLAIN -> initial.isPresent() ? plain(initial.get(), session) : SaslExchange.ask("", session, this::plain);
            case LOGIN -> initial.isPresent() ? loginName(initial.get(), session) : SaslExchange.ask(USERNAME_CHALLENGE, session, this::loginName);
            case SCRAM -> scram.start(initial, session);
            default -> Outcome.reply(SmtpReply.of(504, "5.5.4", "Unrecognized authentication type"));
        };
    }

    private Outcome plain(Response response, SmtpSession session) {
        if (!(response instanceof Response.Data data)) {
            return SaslExchange.ended(response, session);
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
            return SaslExchange.ended(response, session);
        }
        Optional<String> name = field(data.bytes());
        if (name.isEmpty()) {
            return SmtpDispatcher.badCommand(session, SmtpReply.of(501, "5.5.2", "Malformed user name"));
        }
        return SaslExchange.ask(PASSWORD_CHALLENGE, session, (password, again) -> loginPassword(name.get(), password, again));
    }

    private Outcome loginPassword(String name, Response response, SmtpSession session) {
        if (!(response instanceof Response.Data data)) {
            return SaslExchange.ended(response, session);
        }
        Optional<String> password = field(data.bytes());
        if (password.isEmpty()) {
            return SmtpDispatcher.badCommand(session, SmtpReply.of(501, "5.5.2", "Malformed password"));
        }
        return login.authenticate(session, name, password.get());
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
