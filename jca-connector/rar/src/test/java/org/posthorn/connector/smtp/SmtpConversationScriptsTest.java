package org.posthorn.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.posthorn.connector.conversation.ConversationScript;
import org.posthorn.connector.endpoint.FakePostOffice;
import org.posthorn.connector.server.TestServer;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/**
 * Runs every script in {@code conversations/smtp/} against an in-process SMTP server with the fake MTA
 * and {@linkplain SmtpTestSupport#SMALL_LIMITS small limits}. Each script gets its own connection.
 */
class SmtpConversationScriptsTest {

    private static FakePostOffice postOffice;
    private static TestServer server;

    @BeforeAll
    static void start() {
        postOffice = new FakePostOffice().with(SmtpTransactionListener.class, new FakeMta(SmtpTestSupport.HOSTNAME));
        server = new TestServer(new SmtpProtocol(postOffice, SmtpTestSupport.SMALL_LIMITS));
    }

    @AfterAll
    static void stop() {
        server.close();
        postOffice.close();
    }

    static Stream<ConversationScript> scripts() throws URISyntaxException {
        return ConversationScript.loadAll(Path.of(SmtpConversationScriptsTest.class.getResource("/conversations/smtp").toURI())).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void script(ConversationScript script) {
        script.run("127.0.0.1", server.port());
    }

    @Test
    void everyAttackAndLimitHasAScript() throws URISyntaxException {
        assertThat(scripts().map(ConversationScript::name))
                .contains("pipelining.txt", "smuggling-lf-dot-lf.txt", "reply-injection.txt", "limit-command-line.txt",
                        "limit-message-size.txt", "limit-text-line.txt", "limit-recipients.txt", "limit-errors.txt",
                        "idle-timeout.txt")
                .hasSizeGreaterThanOrEqualTo(25);
    }
}
