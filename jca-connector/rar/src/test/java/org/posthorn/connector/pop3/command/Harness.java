package org.posthorn.connector.pop3.command;

import org.posthorn.connector.auth.ScramTestVector;
import org.posthorn.connector.pop3.Pop3Config;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.auth.Throttles;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.posthorn.connector.pop3.InMemoryAuthenticator;
import org.posthorn.connector.pop3.InMemoryMaildrops;
import org.posthorn.connector.pop3.Pop3Fixtures;
import org.posthorn.connector.pop3.SyncPostOffice;
import org.posthorn.connector.pop3.decode.InputLine;
import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.connector.pop3.encode.Pop3ResponseEncoder;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * Command processing without sockets or threads: one session, the standard command table, the
 * fixtures' fakes behind a synchronous post office. {@link #send} carries an outcome to its final
 * reply the way the connection handler would, noting the delays on the way.
 */
final class Harness {

    static final Duration DELAY = Duration.ofMillis(50);
    static final int MAX_ERRORS = 5;
    /** The client address of a session unless a test gives another. */
    static final String CLIENT = "192.0.2.7";

    /** The final reply to one line, and the delays before it. */
    record Settled(List<Duration> delays, Outcome.Reply reply) {

        /** The reply as it would go on the wire (messages: status line only). */
        String wire() {
            if (reply.response() instanceof Pop3Response.Message message) {
                return "+OK " + message.text() + "\r\n";
            }
            ByteBuf buf = Pop3ResponseEncoder.encode(reply.response());
            try {
                return buf.toString(StandardCharsets.US_ASCII);
            } finally {
                buf.release();
            }
        }

        String line() {
            String wire = wire();
            return wire.substring(0, wire.indexOf("\r\n"));
        }
    }

    final InMemoryMaildrops maildrops = Pop3Fixtures.maildrops();
    final InMemoryAuthenticator authenticator = Pop3Fixtures.authenticator();
    final SyncPostOffice postOffice = new SyncPostOffice()
            .with(MaildropListener.class, maildrops)
            .with(AuthenticationListener.class, authenticator);
    final MaildropLocks locks;
    final LoginThrottle throttle;
    final Pop3Dispatcher dispatcher;
    final Pop3Session session;

    Harness() {
        this(new MaildropLocks());
    }

    /** A second session sharing {@code locks}, as two connections of one adapter do. */
    Harness(MaildropLocks locks) {
        this(locks, Throttles.standard(), CLIENT);
    }

    /** A session from {@code clientAddress} whose failed logins {@code throttle} counts. */
    Harness(MaildropLocks locks, LoginThrottle throttle, String clientAddress) {
        this.locks = locks;
        this.throttle = throttle;
        this.session = newSession(clientAddress);
        this.dispatcher = new Pop3Dispatcher(CommandTable.standard(postOffice, locks, throttle, ScramTestVector.servers(),
                new Pop3Config("pop.example.test", Duration.ofMinutes(10), DELAY, MAX_ERRORS, PlaintextAuthPolicy.ALWAYS), false), MAX_ERRORS);
    }

    static Pop3Session newSession() {
        return newSession(CLIENT);
    }

    static Pop3Session newSession(String clientAddress) {
        return new Pop3Session(new ClientConnection("pop3", new InetSocketAddress(clientAddress, 50000), false, Optional.empty()));
    }

    Settled send(String line) {
        return settle(dispatcher.process(InputLine.Text.of(line), session));
    }

    Settled settle(Outcome outcome) {
        List<Duration> delays = new ArrayList<>();
        while (!(outcome instanceof Outcome.Reply)) {
            if (outcome instanceof Outcome.Delay delay) {
                delays.add(delay.delay());
                outcome = delay.then();
            } else {
                outcome = resolve((Outcome.Await<?>) outcome);
            }
        }
        return new Settled(delays, dispatcher.settle((Outcome.Reply) outcome, session));
    }

    private static <R> Outcome resolve(Outcome.Await<R> await) {
        R result;
        try {
            result = await.call().toCompletableFuture().join();
        } catch (CompletionException failed) {
            return await.onFailure().get();
        }
        return await.then().apply(result);
    }

    /** USER/PASS as alice; asserts it worked. */
    Harness loggedIn() {
        send("USER " + Pop3Fixtures.ALICE);
        assertThat(send("PASS " + Pop3Fixtures.ALICE_PASSWORD).line()).startsWith("+OK");
        assertThat(session.state()).isEqualTo(Pop3State.TRANSACTION);
        return this;
    }
}
