package org.posthorn.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.LineClient;
import org.posthorn.systemtest.support.Pop3Mailbox;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.posthorn.systemtest.support.SmtpSender;

/** POP3 against the deployed EAR: authentication, the maildrop lock, postmaster mail for the admin. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Pop3IT {

    private static final String DOMAIN = "pop.test";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void createAccounts() {
        AdminApi.forTestServer().createDomainWithAccounts(DOMAIN, "gina", "hank");
    }

    @Test
    void wrongPasswordIsAnsweredWithAuthCode() {
        try (var pop = new LineClient(Ports.pop3())) {
            assertThat(pop.readLine()).startsWith("+OK");
            pop.send("USER gina@pop.test");
            assertThat(pop.readLine()).startsWith("+OK");
            pop.send("PASS wrong-password");
            assertThat(pop.readLine()).startsWith("-ERR [AUTH]");
        }
    }

    @Test
    void aSecondSessionOnTheSameMaildropIsInUse() {
        try (var first = new Pop3Mailbox(Ports.pop3(), "hank@pop.test", AdminApi.passwordOf("hank"));
             var second = new LineClient(Ports.pop3())) {
            assertThat(second.readLine()).startsWith("+OK");
            second.send("USER hank@pop.test");
            second.readLine();
            second.send("PASS " + AdminApi.passwordOf("hank"));
            assertThat(second.readLine()).startsWith("-ERR [IN-USE]");
            first.quit();
        }
        try (var again = new Pop3Mailbox(Ports.pop3(), "hank@pop.test", AdminApi.passwordOf("hank"))) {
            assertThat(again.count()).isGreaterThanOrEqualTo(0);
            again.quit();
        }
    }

    @Test
    void postmasterMailReachesTheAdminAccount() throws Exception {
        String marker = "postmaster-" + System.nanoTime();
        Session session = SmtpSender.session(Ports.smtp());
        SmtpSender.send(session, SmtpSender.fromBytes(session, MailSpineIT.crlf("Subject: " + marker + "\n\nhello postmaster\n")),
                "someone@elsewhere.test", "postmaster@pop.test");
        try (var admin = new Pop3Mailbox(Ports.pop3(), "admin", AdminApi.TEST_ADMIN_PASSWORD)) {
            int count = admin.count();
            boolean found = false;
            for (int i = 1; i <= count && !found; i++) {
                found = new String(admin.retrieve(i), java.nio.charset.StandardCharsets.UTF_8).contains(marker);
            }
            assertThat(found).as("message to postmaster@ in the admin's INBOX").isTrue();
            admin.quit();
        }
    }
}
