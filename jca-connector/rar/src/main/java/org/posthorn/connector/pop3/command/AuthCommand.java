package org.posthorn.connector.pop3.command;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.posthorn.connector.auth.SaslPlain;
import org.posthorn.connector.auth.ScramServer;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.pop3.decode.InputLine;
import org.posthorn.connector.pop3.decode.Pop3Command;
import org.posthorn.connector.pop3.decode.SaslResponse;
import org.posthorn.connector.pop3.encode.Pop3Response;

/**
 * {@code AUTH} (RFC 5034 §4) with the mechanisms PLAIN (RFC 4616) and SCRAM-SHA-256 (RFC 7677). The
 * client's first message comes as the initial response or, after an empty {@code "+ "} challenge, on
 * the next line; {@code "*"} cancels. {@code AUTH} alone lists the mechanisms, as many clients expect.
 *
 * <p>A PLAIN message naming an authorization identity other than the login is refused like a
 * wrong password: Posthorn has no proxy users; so is a SCRAM {@code a=} naming another. SCRAM's
 * server messages go out as {@code "+ "} challenges; the client answers the last ({@code v=}) with an
 * empty line before {@code +OK}. A message that is not SCRAM is {@code -ERR}, counted as a bad command.
 */
final class AuthCommand implements CommandHandler<Pop3Command.Auth> {

    static final String PLAIN = "PLAIN";
    static final String SCRAM = ScramServer.MECHANISM;
    /** As listed by {@code AUTH} and in CAPA's {@code SASL} line. */
    static final List<String> MECHANISMS = List.of(PLAIN, SCRAM);

    private final Login login;
    private final ScramServers scram;

    AuthCommand(Login login, ScramServers scram) {
        this.login = login;
        this.scram = scram;
    }

    @Override
    public Outcome handle(Pop3Command.Auth command, Pop3Session session) {
        if (command.mechanism().isEmpty()) {
            return Outcome.reply(new Pop3Response.Listing("Supported mechanisms follow", MECHANISMS));
        }
        String mechanism = command.mechanism().get().toUpperCase(Locale.ROOT);
        Function<SaslResponse, Outcome> first;
        if (mechanism.equals(PLAIN)) {
            first = response -> plain(response, session);
        } else if (mechanism.equals(SCRAM)) {
            ScramServer server = scram.newExchange();
            first = response -> scram(server, response, session);
        } else {
            return Outcome.reply(new Pop3Response.Err("Unsupported authentication mechanism"));
        }
        Optional<String> initial = command.initialResponse();
        if (initial.isPresent()) {
            return first.apply(SaslResponse.initial(initial.get()));
        }
        return challenge("", session, first);
    }

    /** Sends a {@code "+ "} challenge; the client's next line goes to {@code next}. */
    private static Outcome challenge(String base64, Pop3Session session, Function<SaslResponse, Outcome> next) {
        session.expectContinuation((InputLine.Text line) -> next.apply(SaslResponse.continuation(line)));
        return Outcome.reply(new Pop3Response.Continuation(base64));
    }

    private Outcome plain(SaslResponse response, Pop3Session session) {
        Optional<Outcome> ended = ended(response);
        if (ended.isPresent()) {
            return ended.get();
        }
        Optional<SaslPlain> plain = SaslPlain.parse(((SaslResponse.Data) response).bytes());
        if (plain.isEmpty()) {
            return Outcome.badCommand("Malformed PLAIN message");
        }
        if (plain.get().actsForAnother()) {
            return login.rejected(session, plain.get().login());
        }
        return login.authenticate(session, plain.get().login(), plain.get().password());
    }

    private Outcome scram(ScramServer server, SaslResponse response, Pop3Session session) {
        Optional<Outcome> ended = ended(response);
        if (ended.isPresent()) {
            return ended.get();
        }
        return scramStep(server, server.receive(((SaslResponse.Data) response).bytes()), session);
    }

    private Outcome scramStep(ScramServer server, ScramServer.Step step, Pop3Session session) {
        if (step instanceof ScramServer.Step.Challenge challenge) {
            return challenge(Base64.getEncoder().encodeToString(challenge.message()), session,
                    response -> scram(server, response, session));
        }
        if (step instanceof ScramServer.Step.NeedCredentials need) {
            return login.scramCredentials(session, need.login(),
                    found -> scramStep(server, server.credentials(found), session));
        }
        if (step instanceof ScramServer.Step.Malformed malformed) {
            return Outcome.badCommand("Malformed SCRAM message: " + malformed.reason());
        }
        if (step instanceof ScramServer.Step.ForeignIdentity foreign) {
            return login.rejected(session, foreign.login());
        }
        if (step instanceof ScramServer.Step.WrongProof wrong) {
            return login.scramFailed(session, wrong.login());
        }
        ScramServer.Step.Authenticated done = (ScramServer.Step.Authenticated) step;
        return login.scramAuthenticated(session, done.login(), done.account());
    }

    /** The exchange's end without a login: {@code "*"}, or a response that is not base64 (or too long). */
    private static Optional<Outcome> ended(SaslResponse response) {
        if (response instanceof SaslResponse.Cancel) {
            return Optional.of(Outcome.reply(new Pop3Response.Err("Authentication cancelled")));
        }
        if (!(response instanceof SaslResponse.Data)) {
            return Optional.of(Outcome.badCommand("Invalid base64 in SASL response"));
        }
        return Optional.empty();
    }
}
