package org.posthorn.systemtest.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Await;
import org.posthorn.systemtest.support.Pop3Mailbox;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;

/**
 * The console's aliases, outbound queue and sent-mail counts in a real browser, checked against what
 * the server then does with mail: aliases and a catch-all made in the console receive mail over SMTP,
 * a message for a domain whose mail exchanger does not answer waits in the queue, where it can be
 * inspected, retried and deleted. The relay's port and DNS server come from arquillian.xml; nothing
 * listens on {@value #DEAD_MX_ADDRESS}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleQueueAliasIT {

    private static final String PASSWORD = AdminApi.TEST_ADMIN_PASSWORD;
    private static final String DOMAIN = "alias.console.test";
    private static final String DEAD_DOMAIN = "dead.console.test";
    private static final String DEAD_MX_ADDRESS = "127.0.0.9";
    private static final String XSS_SUBJECT = "<script>alert(1)</script>";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Browser browser;
    private static TestDnsServer dns;
    private static final AdminApi api = AdminApi.forTestServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void start() throws Exception {
        dns = new TestDnsServer();
        dns.mx(DEAD_DOMAIN, 10, "mx." + DEAD_DOMAIN);
        dns.a("mx." + DEAD_DOMAIN, DEAD_MX_ADDRESS);
        api.createDomainWithAccounts(DOMAIN, "una", "vic", "wes");
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void anAliasAndACatchAllMadeInTheConsoleReceiveMailAndCanBeChangedAndRemoved() throws Exception {
        browser.signInAsAdmin(PASSWORD);
        browser.open("/admin/domains.xhtml");
        browser.clickAndWait(By.cssSelector("a[aria-label='Aliases of " + DOMAIN + "']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Aliases of " + DOMAIN);
        assertThat(browser.text(By.id("noAliases"))).isEqualTo("No aliases yet.");

        browser.type("alias:localPart", "Team");
        browser.type("alias:targets", "una@" + DOMAIN + "\nvic@" + DOMAIN);
        browser.clickAndWait("alias:save");
        assertThat(browser.text(By.id("messages"))).contains("Alias team@" + DOMAIN + " added");
        assertThat(browser.text(By.cssSelector("tr[data-alias='team@" + DOMAIN + "']")))
                .contains("una@" + DOMAIN, "vic@" + DOMAIN);

        browser.type("catchAll:catchAllTargets", "wes@" + DOMAIN);
        browser.clickAndWait("catchAll:set");
        assertThat(browser.text(By.id("catchAllState"))).contains("goes to wes@" + DOMAIN);
        assertThat(api.get("/api/admin/aliases/@" + DOMAIN).body()).contains("\"targets\":[\"wes@" + DOMAIN + "\"]");
        browser.screenshot("07-aliases");
        browser.asPhone(() -> browser.screenshot("07-aliases-phone"));

        int una = inboxCount("una");
        int vic = inboxCount("vic");
        int wes = inboxCount("wes");
        receive("team@" + DOMAIN, "For the team");
        receive("made-up@" + DOMAIN, "For nobody in particular");
        assertThat(inboxCount("una")).as("through the alias").isEqualTo(una + 1);
        assertThat(inboxCount("vic")).as("through the alias").isEqualTo(vic + 1);
        assertThat(inboxCount("wes")).as("through the catch-all").isEqualTo(wes + 1);

        browser.clickAndWait(By.cssSelector("tr[data-alias='team@" + DOMAIN + "'] input[data-action='edit']"));
        assertThat(browser.find(By.id("alias:localPart")).getAttribute("value")).isEqualTo("team");
        assertThat(browser.find(By.id("alias:targets")).getAttribute("value")).isEqualTo("una@" + DOMAIN + "\nvic@" + DOMAIN);
        browser.type("alias:targets", "vic@" + DOMAIN + ", outside@elsewhere.example");
        browser.clickAndWait("alias:save");
        assertThat(browser.text(By.id("messages"))).contains("Alias team@" + DOMAIN + " changed");
        assertThat(api.get("/api/admin/aliases/team@" + DOMAIN).body())
                .contains("\"targets\":[\"vic@" + DOMAIN + "\",\"outside@elsewhere.example\"]");

        browser.clickAndWait(By.cssSelector("tr[data-alias='team@" + DOMAIN + "'] input[data-action='delete']"));
        assertThat(browser.text(By.id("confirmDelete"))).contains("Delete team@" + DOMAIN + "?");
        assertThat(api.get("/api/admin/aliases/team@" + DOMAIN).statusCode()).as("not before confirming").isEqualTo(200);
        browser.clickAndWait("confirm:delete");
        assertThat(browser.text(By.id("messages"))).contains("Alias team@" + DOMAIN + " deleted");
        assertThat(api.get("/api/admin/aliases/team@" + DOMAIN).statusCode()).isEqualTo(404);

        browser.clickAndWait("clearCatchAll:clear");
        assertThat(browser.text(By.id("catchAllState"))).startsWith("None");
        assertThat(api.get("/api/admin/aliases/@" + DOMAIN).statusCode()).isEqualTo(404);

        browser.open("/admin/aliases.xhtml");
        assertThat(browser.text(By.id("aliasDomains"))).contains(DOMAIN);
    }

    @Test
    void refusalsAreShownBesideTheirFieldInPlainWords() {
        browser.signInAsAdmin(PASSWORD);
        browser.open("/admin/aliases.xhtml?domain=" + DOMAIN);

        browser.type("alias:localPart", "helpdesk");
        browser.type("alias:targets", "una@" + DOMAIN + ", not an address");
        browser.clickAndWait("alias:save");
        assertThat(browser.text(By.id("alias:targetsError")))
                .isEqualTo("Target 'not an address': address needs the form local-part@domain.");
        assertThat(browser.driver().findElements(By.id("alias:localPartError"))).allSatisfy(e -> assertThat(e.getText()).isBlank());
        assertThat(browser.find(By.id("alias:targets")).getAttribute("value")).as("kept for correcting")
                .isEqualTo("una@" + DOMAIN + ", not an address");
        browser.screenshot("08-alias-refused");

        browser.type("alias:localPart", "una");
        browser.type("alias:targets", "vic@" + DOMAIN);
        browser.clickAndWait("alias:save");
        assertThat(browser.text(By.id("alias:localPartError"))).contains("is an account");

        browser.type("catchAll:catchAllTargets", "@" + DOMAIN);
        browser.clickAndWait("catchAll:set");
        assertThat(browser.text(By.id("catchAll:catchAllError"))).startsWith("Target '@" + DOMAIN + "': ");

        assertThat(browser.text(By.tagName("main"))).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(api.get("/api/admin/aliases/helpdesk@" + DOMAIN).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/admin/aliases/una@" + DOMAIN).statusCode()).isEqualTo(404);
        assertThat(api.put("/api/admin/aliases/helpdesk@" + DOMAIN, "{\"targets\":[\"not an address\"]}").body())
                .as("the same rule and words in the REST API").contains("target 'not an address': address needs the form");
    }

    @Test
    void aQueuedMessageShowsItsHeadersAsTextAndCanBeRetriedAndDeleted() throws Exception {
        browser.signInAsAdmin(PASSWORD);
        if (queue().isEmpty()) {
            browser.open("/admin/queue.xhtml");
            assertThat(browser.text(By.id("emptyQueue"))).contains("The queue is empty");
            browser.screenshot("09-queue-empty");
        }
        submit("una", "far@" + DEAD_DOMAIN, XSS_SUBJECT);
        // Two attempts: at once and 2 s later (arquillian.xml); the next is an hour away, so only "retry now" makes a third.
        JsonObject entry = await(() -> queueEntry("far@" + DEAD_DOMAIN).filter(e -> e.getInt("attempts") >= 2),
                "two failed attempts");
        long id = entry.getJsonNumber("id").longValue();
        String deliveryId = entry.getString("deliveryId");

        browser.open("/admin/queue.xhtml");
        String row = browser.text(By.cssSelector("tr[data-entry='" + id + "']"));
        assertThat(row).contains("una@" + DOMAIN, deliveryId, "far@" + DEAD_DOMAIN, "waiting");
        assertThat(browser.text(By.cssSelector("tr[data-entry='" + id + "'] .last-error"))).isNotIn("", "—");
        browser.screenshot("09-queue");
        browser.asPhone(() -> browser.screenshot("09-queue-phone"));

        browser.clickAndWait(By.cssSelector("tr[data-entry='" + id + "'] a[data-action='headers']"));
        assertThat(browser.text(By.tagName("h1"))).contains(deliveryId);
        assertThat(browser.text(By.id("headers"))).contains("Subject: " + XSS_SUBJECT, "Received: ", "From: una@" + DOMAIN)
                .doesNotContain("body of the queued message");
        assertNoScriptRan();
        browser.screenshot("10-queue-headers");
        assertThat(api.get("/api/admin/queue/" + id + "/headers").body()).contains("Subject: " + XSS_SUBJECT)
                .doesNotContain("body of the queued message");

        browser.open("/admin/queue.xhtml");
        int attempts = queueEntry("far@" + DEAD_DOMAIN).orElseThrow().getInt("attempts");
        browser.clickAndWait(By.cssSelector("tr[data-entry='" + id + "'] input[data-action='retry']"));
        assertThat(browser.text(By.id("messages"))).contains("Trying " + deliveryId + " again now");
        await(() -> queueEntry("far@" + DEAD_DOMAIN).filter(e -> e.getInt("attempts") > attempts), "the retried attempt");

        browser.clickAndWait(By.cssSelector("tr[data-entry='" + id + "'] input[data-action='delete']"));
        assertThat(browser.text(By.id("confirmDelete"))).contains("Delete " + deliveryId + "?", "una@" + DOMAIN);
        assertThat(api.get("/api/admin/queue/" + id).statusCode()).as("not before confirming").isEqualTo(200);
        browser.clickAndWait("confirm:delete");
        assertThat(browser.text(By.id("messages"))).contains(deliveryId + " deleted from the queue");
        assertThat(api.get("/api/admin/queue/" + id).statusCode()).isEqualTo(404);
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-entry='" + id + "']"))).isEmpty();

        browser.open("/admin/queue-entry.xhtml?id=" + id);
        assertThat(browser.url()).contains("/admin/queue.xhtml");
        assertThat(browser.text(By.id("messages"))).contains("no queue entry " + id);
    }

    @Test
    void theDashboardCountsSentMailAndShowsTheQueue() throws Exception {
        browser.signInAsAdmin(PASSWORD);
        long sentBefore = Long.parseLong(browser.text(By.id("sentToday")));
        long receivedBefore = Long.parseLong(browser.text(By.id("receivedToday")));
        assertThat(Long.parseLong(browser.text(By.id("queueDepth")))).isEqualTo(queue().size());

        submit("vic", "una@" + DOMAIN, "Counted as sent");
        receive("una@" + DOMAIN, "Not counted as sent");

        browser.open("/admin/index.xhtml");
        assertThat(Long.parseLong(browser.text(By.id("sentToday")))).as("the submission only").isEqualTo(sentBefore + 1);
        assertThat(Long.parseLong(browser.text(By.id("receivedToday")))).isGreaterThanOrEqualTo(receivedBefore + 2);
        assertThat(Long.parseLong(browser.text(By.id("sentWeek")))).isGreaterThanOrEqualTo(sentBefore + 1);
        assertThat(browser.driver().findElements(By.cssSelector(".chart rect.bar.sent"))).hasSize(7);
        assertThat(api.get("/api/admin/status").body()).contains("\"sentToday\":" + (sentBefore + 1), "\"queueDepth\":");
        browser.screenshot("02-dashboard-sent");
        browser.asPhone(() -> browser.screenshot("02-dashboard-phone"));
    }

    // --- helpers

    private static void assertNoScriptRan() {
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        assertThat(browser.driver().findElements(By.xpath("//main//script"))).isEmpty();
    }

    private static int inboxCount(String user) {
        try (var pop = new Pop3Mailbox(Ports.pop3(), user + "@" + DOMAIN, AdminApi.passwordOf(user))) {
            int count = pop.count();
            pop.quit();
            return count;
        }
    }

    /** Plain SMTP from the outside (port 25 + offset). */
    private static void receive(String to, String subject) throws MessagingException {
        send(Ports.smtp(), Optional.empty(), "someone@elsewhere.example", to, subject);
    }

    /** Authenticated submission (port 587 + offset) as {@code user}@{@value #DOMAIN}, over loopback, where AUTH needs no TLS. */
    private static void submit(String user, String to, String subject) throws MessagingException {
        send(Ports.submission(), Optional.of(user), user + "@" + DOMAIN, to, subject);
    }

    private static void send(int port, Optional<String> user, String from, String to, String subject)
            throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.localhost", "client.posthorn.test");
        properties.put("mail.smtp.from", from);
        properties.put("mail.smtp.auth", Boolean.toString(user.isPresent()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(properties);
        byte[] raw = ("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\n\r\nThe body of the queued message.\r\n").getBytes(UTF_8);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", port, user.map(u -> u + "@" + DOMAIN).orElse(null),
                    user.map(AdminApi::passwordOf).orElse(null));
            transport.sendMessage(message, new Address[] {new InternetAddress(to)});
        }
    }

    private static java.util.List<JsonObject> queue() {
        try (var reader = Json.createReader(new StringReader(api.get("/api/admin/queue").body()))) {
            JsonArray entries = reader.readArray();
            return entries.getValuesAs(JsonObject.class);
        }
    }

    private static Optional<JsonObject> queueEntry(String recipient) {
        return queue().stream()
                .filter(e -> e.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                        .anyMatch(r -> r.getString("address").equals(recipient)))
                .findFirst();
    }

    /** Polls until {@code probe} finds something; fails after {@link #PATIENCE}. Asserts nothing about time. */
    private static <T> T await(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        return Await.until(probe, PATIENCE, what);
    }
}
