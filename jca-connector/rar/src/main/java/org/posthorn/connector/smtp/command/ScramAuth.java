package org.posthorn.connector.smtp.command;

import java.util.Base64;
import java.util.Optional;
import org.posthorn.connector.auth.ScramServer;
import org.posthorn.connector.smtp.command.SaslExchange.Response;
import org.posthorn.connector.smtp.command.SaslExchange.Step;
import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * {@code AUTH SCRAM-SHA-256} (RFC 7677) on SMTP: the client-first message comes as initial response or
 * after an empty {@code 334}; the server-first and server-final messages go out as {@code 334}
 * challenges, and the client answers the last with an empty line before {@code 235}. A message that is
 * not SCRAM is {@code 501 5.5.2}; a wrong proof or a foreign {@code a=} identity is {@code 535 5.7.8},
 * counted like a wrong password (ADR 0008). The exchange itself is {@link ScramServer}'s.
 */
final class ScramAuth {

    private final SmtpLogin login;

    ScramAuth(SmtpLogin login) {
        this.login = login;
    }

    Outcome start(Optional<Response> initial, SmtpSession session) {
        ScramServer server = login.newScramExchange();
        Step next = (response, again) -> respond(server, response, again);
        return initial.isPresent() ? next.take(initial.get(), session) : SaslExchange.ask("", session, next);
    }

    private Outcome respond(ScramServer server, Response response, SmtpSession session) {
        if (!(response instanceof Response.Data data)) {
            return SaslExchange.ended(response, session);
        }
        return step(server, server.receive(data.bytes()), session);
    }

    private Outcome step(ScramServer server, ScramServer.Step step, SmtpSession session) {
        if (step instanceof ScramServer.Step.Challenge challenge) {
            return SaslExchange.ask(Base64.getEncoder().encodeToString(challenge.message()), session,
                    (response, again) -> respond(server, response, again));
        }
        if (step instanceof ScramServer.Step.NeedCredentials need) {
            return login.scramCredentials(session, need.login(), found -> step(server, server.credentials(found), session));
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
}
