package org.posthorn.connector.pop3.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.auth.Throttles;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.pop3.Pop3Config;
import org.posthorn.connector.pop3.SyncPostOffice;
import org.posthorn.connector.pop3.decode.InputLine;
import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.connector.pop3.encode.ResponseCode;
import org.posthorn.spi.ClientConnection;

/** CAPA, STLS and the plaintext policy in the command table (RFC 2595 §4), with fake connections and no sockets. */
class CapaAndStlsTest {

    private static final ClientConnection REMOTE_PLAIN = client("192.0.2.7", false);
    private static final ClientConnection REMOTE_TLS = client("192.0.2.7", true);
    private static final ClientConnection LOOPBACK_PLAIN = client("127.0.0.1", false);

    private final Pop3Dispatcher withStls = dispatcher(PlaintextAuthPolicy.LOOPBACK, true);

    @Test
    void aRemoteClearTextClientSeesStlsButNoWayToSendAPassword() {
        assertThat(capa(withStls, REMOTE_PLAIN)).contains("STLS").doesNotContain("USER", "SASL PLAIN SCRAM-SHA-256");
    }

    @Test
    void aLoopbackClientMayLogInInTheClearByDefault() {
        assertThat(capa(withStls, LOOPBACK_PLAIN)).contains("STLS", "USER", "SASL PLAIN SCRAM-SHA-256");
        assertThat(send(withStls, LOOPBACK_PLAIN, "USER alice@example.test")).isEqualTo(new Pop3Response.Ok("send PASS"));
    }

    @Test
    void overTlsEverythingButStlsIsOffered() {
        assertThat(capa(withStls, REMOTE_TLS)).contains("USER", "SASL PLAIN SCRAM-SHA-256").doesNotContain("STLS");
        assertThat(send(withStls, REMOTE_TLS, "STLS")).isEqualTo(new Pop3Response.Err("Command not permitted when TLS active"));
    }

    @Test
    void withoutTlsCredentialsThereIsNoStls() {
        Pop3Dispatcher noStls = dispatcher(PlaintextAuthPolicy.ALWAYS, false);
        assertThat(capa(noStls, REMOTE_PLAIN)).doesNotContain("STLS").contains("USER");
        assertThat(send(noStls, REMOTE_PLAIN, "STLS")).isEqualTo(new Pop3Response.Err("Unknown command STLS"));
    }

    @Test
    void credentialsInTheClearAreRefusedWithTheAuthCode() {
        Pop3Response refused = new Pop3Response.Err(ResponseCode.AUTH,
                "Plaintext authentication disallowed on non-secure (SSL/TLS) connections.");
        assertThat(send(withStls, REMOTE_PLAIN, "USER alice@example.test")).isEqualTo(refused);
        assertThat(send(withStls, REMOTE_PLAIN, "PASS secret")).isEqualTo(refused);
        assertThat(send(withStls, REMOTE_PLAIN, "AUTH PLAIN AGFsaWNlAHNlY3JldA==")).isEqualTo(refused);
        assertThat(send(withStls, REMOTE_PLAIN, "AUTH")).isEqualTo(refused);
    }

    @Test
    void stlsIsAcceptedInTheClearAndStartsTls() {
        Outcome outcome = withStls.process(InputLine.Text.of("STLS"), new Pop3Session(REMOTE_PLAIN));
        assertThat(outcome).isEqualTo(new Outcome.Reply(new Pop3Response.Ok("Begin TLS negotiation"), Outcome.After.START_TLS));
    }

    private static Pop3Dispatcher dispatcher(PlaintextAuthPolicy policy, boolean stls) {
        Pop3Config config = new Pop3Config("pop.example.test", Duration.ofMinutes(10), Duration.ZERO, 5, policy);
        return new Pop3Dispatcher(CommandTable.standard(new SyncPostOffice(), new MaildropLocks(), Throttles.standard(),
                ScramServers.ephemeral(), config, stls), 5);
    }

    private static java.util.List<String> capa(Pop3Dispatcher dispatcher, ClientConnection client) {
        return ((Pop3Response.Listing) send(dispatcher, client, "CAPA")).lines();
    }

    private static Pop3Response send(Pop3Dispatcher dispatcher, ClientConnection client, String line) {
        return ((Outcome.Reply) dispatcher.process(InputLine.Text.of(line), new Pop3Session(client))).response();
    }

    private static ClientConnection client(String address, boolean secure) {
        return new ClientConnection("pop3", new InetSocketAddress(address, 50000), secure, Optional.empty());
    }
}
