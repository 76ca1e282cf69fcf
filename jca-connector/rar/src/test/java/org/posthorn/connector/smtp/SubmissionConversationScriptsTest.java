package org.posthorn.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.posthorn.connector.conversation.ConversationScript;
import org.posthorn.connector.endpoint.FakePostOffice;
import org.posthorn.connector.pop3.Pop3Fixtures;
import org.posthorn.connector.server.TestServer;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/**
 * Runs every script in {@code conversations/submission/} against an in-process submission server
 * (AUTH required, plaintext AUTH from loopback) with the fake MTA and the in-memory password store of
 * the POP3 tests ({@code alice@example.test} / {@code alice-password}). Each script gets its own
 * connection.
 */
class SubmissionConversationScriptsTest {

    private static FakePostOffice postOffice;
    private static TestServer server;

    @BeforeAll
    static void start() {
        postOffice = new FakePostOffice()
                .with(SmtpTransactionListener.class, new FakeMta(SmtpTestSupport.HOSTNAME))
                .with(AuthenticationListener.class, Pop3Fixtures.authenticator());
        server = new TestServer(SmtpTestSupport.submission(postOffice, Optional.empty()));
    }

    @AfterAll
    static void stop() {
        server.close();
        postOffice.close();
    }

    static Stream<ConversationScript> scripts() throws URISyntaxException {
        return ConversationScript.loadAll(Path.of(SubmissionConversationScriptsTest.class.getResource("/conversations/submission").toURI())).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void script(ConversationScript script) {
        script.run("127.0.0.1", server.port());
    }

    @Test
    void theScriptsAreThere() throws URISyntaxException {
        assertThat(scripts().map(ConversationScript::name))
                .contains("auth-plain.txt", "auth-login.txt", "auth-refusals.txt", "auth-response-is-no-command.txt",
                        "relay-without-auth.txt");
    }
}
