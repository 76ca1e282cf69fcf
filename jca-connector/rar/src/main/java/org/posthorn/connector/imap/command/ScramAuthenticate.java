package org.posthorn.connector.imap.command;

import java.net.InetAddress;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ScramFailureReport;
import org.posthorn.connector.auth.ScramServer;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.auth.AuthenticationResult;

/**
 * AUTHENTICATE SCRAM-SHA-256 (RFC 3501 §6.2.2, RFC 7677; the client-first message may come as
 * SASL-IR's initial response, RFC 4959). Each server message goes out as a {@code +} continuation; the
 * client answers the last one ({@code v=}) with an empty line before the tagged OK.
 *
 * <p>A message that is not SCRAM is a tagged BAD; a wrong proof, a foreign {@code a=} identity and a
 * throttled address or login are {@code NO [AUTHENTICATIONFAILED]} after the throttle's delay, exactly
 * as for a wrong password ({@link LoginHandlers}).
 */
final class ScramAuthenticate {

    private static final Logger LOG = Logger.getLogger(ScramAuthenticate.class.getName());

    private final PostOffice postOffice;
    private final LoginThrottle throttle;
    private final ScramServers servers;
    private final LoginHandlers login;

    ScramAuthenticate(PostOffice postOffice, LoginThrottle throttle, ScramServers servers, LoginHandlers login) {
        this.postOffice = postOffice;
        this.throttle = throttle;
        this.servers = servers;
        this.login = login;
    }

    Outcome start(String tag, Optional<String> initialResponse, ImapSession session) {
        ScramServer server = servers.newExchange();
        if (initialResponse.isPresent()) {
            return respond(tag, server, initialResponse.get(), session);
        }
        return LoginHandlers.challenge(tag, "", session, base64 -> respond(tag, server, base64, session));
    }

    private Outcome respond(String tag, ScramServer server, String base64, ImapSession session) {
        byte[] response;
        try {
            response = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            // The decoder checked the alphabet; the JDK's stricter check is reported the same way.
            return bad(tag, "Invalid base64 in SASL response");
        }
        return step(tag, server, server.receive(response), session);
    }

    private Outcome step(String tag, ScramServer server, ScramServer.Step step, ImapSession session) {
        if (step instanceof ScramServer.Step.Challenge challenge) {
            return LoginHandlers.challenge(tag, Base64.getEncoder().encodeToString(challenge.message()), session,
                    base64 -> respond(tag, server, base64, session));
        }
        if (step instanceof ScramServer.Step.NeedCredentials need) {
            return credentials(tag, server, need.login(), session);
        }
        if (step instanceof ScramServer.Step.Malformed malformed) {
            return bad(tag, "Invalid SCRAM message: " + malformed.reason());
        }
        if (step instanceof ScramServer.Step.ForeignIdentity foreign) {
            return login.rejected(tag, session, foreign.login());
        }
        if (step instanceof ScramServer.Step.WrongProof wrong) {
            LOG.info(() -> "imap: failed SCRAM login from " + session.client().remoteAddress());
            ScramFailureReport.send(postOffice, wrong.login(), session.client());
            return login.rejected(tag, session, wrong.login());
        }
        ScramServer.Step.Authenticated done = (ScramServer.Step.Authenticated) step;
        return login.authenticated(tag, session, done.login(), AuthenticationResult.success(done.account()));
    }

    private Outcome credentials(String tag, ScramServer server, String name, ImapSession session) {
        if (throttle.refuses(address(session), name)) {
            LOG.fine(() -> "imap: throttled SCRAM login from " + session.client().remoteAddress());
            throttle.refused(address(session), name);
            return login.answerFailure(tag, session);
        }
        return new Outcome.Await<>(postOffice.call(AuthenticationListener.class, store -> store.scramCredentials(name)),
                found -> step(tag, server, server.credentials(found), session),
                () -> Outcome.done(Responses.temporaryFailure(tag)));
    }

    private static Outcome bad(String tag, String text) {
        return new Outcome.Done(List.of(Responses.bad(tag, text)), Outcome.After.BAD_COMMAND);
    }

    private static InetAddress address(ImapSession session) {
        return session.client().remoteAddress().getAddress();
    }
}
