package org.posthorn.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.LineClient;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.posthorn.systemtest.support.ScramClientSide;

/**
 * SCRAM-SHA-256 (RFC 7677) against the deployed EAR with a real client (the ongres library): IMAP
 * AUTHENTICATE with SASL-IR, submission AUTH, POP3 AUTH, each advertised, each ending with the client
 * checking the server's signature, so the keys made when the REST API set the password are the right
 * ones. A wrong password fails at the proof and is counted where wrong passwords are (the status
 * report's recent login failures). Loopback clients may authenticate without TLS by default.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScramIT {

    private static final String DOMAIN = "scram.test";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void createAccounts() {
        AdminApi.forTestServer().createDomainWithAccounts(DOMAIN, "sasha", "tomas", "ulla");
    }

    @Test
    void imapAuthenticateScram() throws Exception {
        ScramClientSide scram = new ScramClientSide("sasha@" + DOMAIN, AdminApi.passwordOf("sasha"));
        try (var imap = new LineClient(Ports.imap())) {
            assertThat(imap.readLine()).contains("AUTH=SCRAM-SHA-256");
            imap.send("a1 AUTHENTICATE SCRAM-SHA-256 " + scram.clientFirst());
            imap.send(scram.clientFinal(continuation(imap.readLine(), "+ ")));
            scram.serverFinal(continuation(imap.readLine(), "+ "));
            imap.send("");
            assertThat(imap.readLine()).startsWith("a1 OK [CAPABILITY IMAP4rev1");
            imap.send("a2 SELECT INBOX");
            assertThat(untilTagged(imap, "a2")).startsWith("a2 OK");
        }
    }

    @Test
    void submissionAuthScram() throws Exception {
        ScramClientSide scram = new ScramClientSide("tomas@" + DOMAIN, AdminApi.passwordOf("tomas"));
        try (var smtp = new LineClient(Ports.submission())) {
            assertThat(smtp.readSmtpReply()).startsWith("220 ");
            smtp.send("EHLO client.posthorn.test");
            assertThat(smtpReplyLines(smtp)).anyMatch(line -> line.substring(4).equals("AUTH PLAIN LOGIN SCRAM-SHA-256"));
            smtp.send("AUTH SCRAM-SHA-256 " + scram.clientFirst());
            smtp.send(scram.clientFinal(continuation(smtp.readLine(), "334 ")));
            scram.serverFinal(continuation(smtp.readLine(), "334 "));
            smtp.send("");
            assertThat(smtp.readLine()).isEqualTo("235 2.7.0 Authentication successful");
            smtp.send("MAIL FROM:<tomas@" + DOMAIN + ">");
            assertThat(smtp.readLine()).startsWith("250 ");
        }
    }

    @Test
    void pop3AuthScram() throws Exception {
        ScramClientSide scram = new ScramClientSide("ulla@" + DOMAIN, AdminApi.passwordOf("ulla"));
        try (var pop = new LineClient(Ports.pop3())) {
            assertThat(pop.readLine()).startsWith("+OK");
            pop.send("CAPA");
            List<String> capabilities = new ArrayList<>();
            for (String line = pop.readLine(); !line.equals("."); line = pop.readLine()) {
                capabilities.add(line);
            }
            assertThat(capabilities).contains("SASL PLAIN SCRAM-SHA-256");
            pop.send("AUTH SCRAM-SHA-256 " + scram.clientFirst());
            pop.send(scram.clientFinal(continuation(pop.readLine(), "+ ")));
            scram.serverFinal(continuation(pop.readLine(), "+ "));
            pop.send("");
            assertThat(pop.readLine()).startsWith("+OK maildrop has");
            pop.send("QUIT");
            assertThat(pop.readLine()).startsWith("+OK");
        }
    }

    @Test
    void aWrongPasswordFailsAtTheProofAndIsCounted() throws Exception {
        ScramClientSide scram = new ScramClientSide("sasha@" + DOMAIN, "not-the-password");
        try (var imap = new LineClient(Ports.imap())) {
            imap.readLine();
            imap.send("w1 AUTHENTICATE SCRAM-SHA-256 " + scram.clientFirst());
            imap.send(scram.clientFinal(continuation(imap.readLine(), "+ ")));
            assertThat(imap.readLine()).isEqualTo("w1 NO [AUTHENTICATIONFAILED] Authentication failed.");
        }
        String status = AdminApi.forTestServer().get("/api/admin/status").body();
        // One failure object naming the service and the login, in whatever order JSON-B writes them.
        assertThat(status).containsPattern("\\{(?=[^}]*\"service\":\"imap\")(?=[^}]*\"login\":\"sasha@scram\\.test\")[^}]*}");
    }

    @Test
    void anUnknownUserSeesASaltAndFailsAtTheProof() throws Exception {
        ScramClientSide scram = new ScramClientSide("nobody@" + DOMAIN, "whatever-password");
        try (var pop = new LineClient(Ports.pop3())) {
            pop.readLine();
            pop.send("AUTH SCRAM-SHA-256 " + scram.clientFirst());
            pop.send(scram.clientFinal(continuation(pop.readLine(), "+ ")));
            assertThat(pop.readLine()).isEqualTo("-ERR [AUTH] Authentication failed");
        }
    }

    /** The base64 text of a SASL challenge line that starts with {@code prefix}. */
    private static String continuation(String line, String prefix) {
        assertThat(line).startsWith(prefix);
        return line.substring(prefix.length());
    }

    private static String untilTagged(LineClient imap, String tag) {
        String line = imap.readLine();
        while (line != null && !line.startsWith(tag + " ")) {
            line = imap.readLine();
        }
        return line;
    }

    private static List<String> smtpReplyLines(LineClient smtp) {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = smtp.readLine();
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }
}
