package org.posthorn.systemtest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.posthorn.connector.conversation.ConversationScript;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;

/**
 * Conversation scripts (the same runner and format as the wire's fast tests) against the deployed EAR,
 * in file-name order: later scripts read what earlier ones delivered.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void createAccounts() {
        // dan for SMTP and POP3 (and the IMAP login script); one fresh account per IMAP script with mailbox
        // state, so that each of those scripts starts from the standard folders, empty.
        AdminApi.forTestServer().createDomainWithAccounts("conv.test", "dan", "erin", "fred", "gail", "hugo");
    }

    static Stream<Path> scripts() throws IOException, URISyntaxException {
        Path directory = Path.of(ConversationsIT.class.getResource("/conversations").toURI());
        return Files.list(directory).filter(p -> p.toString().endsWith(".txt")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void conversation(Path script) {
        String name = script.getFileName().toString();
        int port = name.contains("imap") ? Ports.imap() : name.contains("pop3") ? Ports.pop3() : Ports.smtp();
        ConversationScript.load(script).run("127.0.0.1", port);
    }
}
