package org.posthorn.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.LineClient;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;

/** The admin REST API over HTTP, as a script would use it, and its effect on the mail listeners. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {

    private final AdminApi api = AdminApi.forTestServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @Test
    void requestsWithoutOrWithWrongCredentialsGet401() {
        HttpResponse<String> anonymous = api.sendRaw(api.unauthenticated("/api/admin/domains").GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        HttpResponse<String> wrong = new AdminApi(Ports.http(), "admin", "not-the-password").get("/api/admin/domains");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void ordinaryUsersAreNotAdmins() {
        api.createDomainWithAccounts("users.test", "carol");
        HttpResponse<String> asUser = new AdminApi(Ports.http(), "carol@users.test", AdminApi.passwordOf("carol"))
                .get("/api/admin/domains");
        assertThat(asUser.statusCode()).isEqualTo(403);
    }

    @Test
    void domainLifecycle() {
        assertThat(api.put("/api/admin/domains/Life.Test", null).statusCode()).isEqualTo(201);
        assertThat(api.put("/api/admin/domains/life.test", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/admin/domains").body()).contains("\"life.test\"");
        assertThat(api.delete("/api/admin/domains/life.test").statusCode()).isIn(200, 204);
        assertThat(api.delete("/api/admin/domains/life.test").statusCode()).isEqualTo(404);
    }

    @Test
    void invalidNamesAreRefusedWithAMessage() {
        for (String bad : new String[] {"no_underscores.test", "-dash.test", "single", "a..b.test"}) {
            HttpResponse<String> response = api.put("/api/admin/domains/" + bad, null);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).as(bad).contains("\"error\"");
        }
        api.createDomainWithAccounts("names.test");
        HttpResponse<String> badAddress = api.put("/api/admin/accounts/a%20b@names.test", "{\"password\":\"long enough pw\"}");
        assertThat(badAddress.statusCode()).isEqualTo(400);
        HttpResponse<String> shortPassword = api.put("/api/admin/accounts/dave@names.test", "{\"password\":\"short\"}");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("\"error\"");
        HttpResponse<String> unknownDomain = api.put("/api/admin/accounts/dave@unknown-domain.test", "{\"password\":\"long enough pw\"}");
        assertThat(unknownDomain.statusCode()).isBetween(400, 499);
        HttpResponse<String> notJson = api.put("/api/admin/accounts/dave@names.test", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void accountsCanBeListedAndDeletedAndMailFollows() {
        api.createDomainWithAccounts("accounts.test", "erin", "frank");
        String list = api.get("/api/admin/accounts?domain=accounts.test").body();
        assertThat(list).contains("erin@accounts.test", "frank@accounts.test").doesNotContain("$2");

        assertThat(rcptReply("frank@accounts.test")).startsWith("250");
        assertThat(api.delete("/api/admin/accounts/frank@accounts.test").statusCode()).isIn(200, 204);
        assertThat(rcptReply("frank@accounts.test")).startsWith("550 5.1.1");

        assertThat(api.delete("/api/admin/domains/accounts.test").statusCode()).isEqualTo(409);
        assertThat(api.delete("/api/admin/domains/accounts.test?cascade=true").statusCode()).isIn(200, 204);
        assertThat(rcptReply("erin@accounts.test")).startsWith("550 5.7.1");
    }

    private static String rcptReply(String recipient) {
        try (var smtp = new LineClient(Ports.smtp())) {
            smtp.readSmtpReply();
            smtp.send("HELO client.posthorn.test");
            smtp.readSmtpReply();
            smtp.send("MAIL FROM:<>");
            smtp.readSmtpReply();
            smtp.send("RCPT TO:<" + recipient + ">");
            return smtp.readSmtpReply();
        }
    }
}
