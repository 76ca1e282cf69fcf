package org.posthorn.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.posthorn.systemtest.support.SmtpSender;

/**
 * The admin console in a real browser: signing in and out, domains and accounts, mail arriving while
 * an administrator watches, the DNS page, and the attacks a console must withstand (forged posts,
 * script in a display name). Domain names end in {@code .console.test} so they meet no other test's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

    private static final String PASSWORD = AdminApi.TEST_ADMIN_PASSWORD;
    private static final String XSS = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";

    private static Browser browser;
    private static TestDnsServer dns;
    private final AdminApi api = AdminApi.forTestServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void start() throws Exception {
        dns = new TestDnsServer();
        dns.mx("dns-ok.console.test", 10, "mx.posthorn.test");
        dns.txt("dns-ok.console.test", "v=spf1 mx", " -all"); // two character-strings, joined by receivers
        dns.txt("dns-ok.console.test", "site-verification=abc123");
        dns.txt("_dmarc.dns-ok.console.test", "v=DMARC1; p=none");
        dns.srv("_imaps._tcp.dns-ok.console.test", 0, 1, 993, "mx.posthorn.test");
        dns.srv("_submission._tcp.dns-ok.console.test", 10, 1, 2587, "mx.posthorn.test"); // the listener, not the public port
        dns.cname("autoconfig.dns-ok.console.test", "mx.posthorn.test");
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
    void aWrongPasswordIsRefusedAndTheRightOneSignsIn() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/admin/domains.xhtml");
        assertThat(browser.url()).as("not signed in: sent to the sign-in page").endsWith("/admin/login.xhtml");
        browser.screenshot("01-login");

        browser.type("login:name", "admin");
        browser.type("login:password", "not-the-password");
        browser.clickAndWait("login:signIn");
        assertThat(browser.text(By.id("messages"))).contains("Wrong login or password");
        assertThat(browser.url()).contains("/admin/login.xhtml");
        assertThat(browser.find(By.id("login:password")).getAttribute("value")).as("never shown again").isEmpty();

        browser.type("login:name", "admin");
        browser.type("login:password", PASSWORD);
        browser.clickAndWait("login:signIn");
        assertThat(browser.url()).endsWith("/admin/index.xhtml");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Dashboard");
        assertThat(browser.driver().findElements(By.cssSelector(".message.error"))).as("the refusal is not shown again").isEmpty();
        assertThat(browser.text(By.id("loginFailures"))).as("the failure just made").contains("admin console");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndChangesAtSignIn() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/admin/login.xhtml");
        Cookie before = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(before).as("the sign-in form keeps its view state in a session").isNotNull();
        assertThat(before.isHttpOnly()).isTrue();
        assertThat(before.getSameSite()).isEqualTo("Strict");

        browser.type("login:name", "admin");
        browser.type("login:password", PASSWORD);
        browser.clickAndWait("login:signIn");
        Cookie after = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(after.getValue()).as("a new session id after signing in").isNotEqualTo(before.getValue());
        assertThat(after.isHttpOnly()).isTrue();
        assertThat(after.getSameSite()).isEqualTo("Strict");

        browser.clickAndWait("signOut:signOutButton");
        assertThat(browser.url()).contains("/admin/login.xhtml");
        assertThat(browser.text(By.tagName("main"))).contains("You are signed out");
        // The old session is gone: the cookie it had opens nothing.
        HttpResponse<String> withOldCookie = get("/admin/index.xhtml", after.getValue());
        assertThat(withOldCookie.statusCode()).isEqualTo(303);
        assertThat(withOldCookie.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login.xhtml"));
    }

    @Test
    void overHttpsTheSessionCookieIsAlsoSecure() throws Exception {
        // WildFly's default HTTPS listener (8443 + offset) with its self-signed certificate.
        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        var connection = (javax.net.ssl.HttpsURLConnection) URI.create(
                "https://127.0.0.1:" + (8443 + Ports.offset()) + "/admin/login.xhtml").toURL().openConnection();
        connection.setSSLSocketFactory(trustAll.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        assertThat(connection.getResponseCode()).isEqualTo(200);
        String cookie = connection.getHeaderFields().get("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        connection.disconnect();
        assertThat(cookie.toLowerCase(java.util.Locale.ROOT)).contains("; secure", "; httponly", "samesite=strict");

        HttpResponse<String> plain = get("/admin/login.xhtml", null);
        assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("secure"));
    }

    @Test
    void addADomainAndAnAccountThenWatchMailArrive() throws Exception {
        browser.signInAsAdmin(PASSWORD);
        browser.screenshot("02-dashboard-before");

        browser.open("/admin/domains.xhtml");
        browser.type("add:name", "Mail.Console.Test");
        browser.clickAndWait("add:addButton");
        assertThat(browser.text(By.id("messages"))).contains("Domain mail.console.test added");
        assertThat(browser.text(By.id("domainTable"))).contains("mail.console.test");

        browser.type("add:name", "not a domain!");
        browser.clickAndWait("add:addButton");
        assertThat(browser.find(By.cssSelector(".message.error")).getText()).as("the directory's own refusal").isNotBlank();

        browser.open("/admin/accounts.xhtml?domain=mail.console.test");
        browser.type("add:localPart", "alice");
        browser.type("add:password", "short");
        browser.clickAndWait("add:addButton");
        assertThat(browser.text(By.id("messages"))).as("the same password rule as the REST API").containsIgnoringCase("password");

        browser.type("add:localPart", "alice");
        browser.type("add:password", "alice-password-123");
        browser.type("add:displayName", "Alice Example");
        browser.type("add:quota", "1 MB");
        browser.clickAndWait("add:addButton");
        assertThat(browser.url()).contains("/admin/account.xhtml");
        assertThat(browser.text(By.id("accountTitle"))).contains("alice@mail.console.test");
        assertThat(inboxCount()).isEqualTo("0");

        Session smtp = SmtpSender.session(Ports.smtp());
        MimeMessage message = new MimeMessage(smtp);
        message.setFrom(new InternetAddress("bob@example.net"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@mail.console.test"));
        message.setSubject("Hello from the console test");
        message.setText("Counted in the console.\r\n");
        SmtpSender.send(smtp, message, "bob@example.net", "alice@mail.console.test");
        SmtpSender.send(smtp, message, "bob@example.net", "alice@mail.console.test");

        browser.open("/admin/account.xhtml?address=alice%40mail.console.test");
        assertThat(inboxCount()).isEqualTo("2");
        assertThat(browser.text(By.cssSelector(".quota-line"))).contains("of 1 MB");
        browser.screenshot("05-account");

        browser.open("/admin/accounts.xhtml?domain=mail.console.test");
        assertThat(browser.text(By.id("accountTable"))).contains("alice@mail.console.test", "Alice Example");
        assertThat(browser.find(By.cssSelector("progress.quota")).getAttribute("value")).isNotEqualTo("0");
        browser.screenshot("04-accounts");
        browser.asPhone(() -> browser.screenshot("04-accounts-phone"));

        browser.open("/admin/index.xhtml");
        assertThat(Integer.parseInt(browser.text(By.id("receivedToday")))).isGreaterThanOrEqualTo(2);
        browser.screenshot("02-dashboard");
        browser.open("/admin/domains.xhtml");
        browser.screenshot("03-domains");
    }

    @Test
    void searchAndPagingFindAccounts() {
        api.createDomainWithAccounts("paging.console.test");
        for (int i = 1; i <= 30; i++) {
            api.put("/api/admin/accounts/user" + String.format("%02d", i) + "@paging.console.test",
                    "{\"password\":\"long enough password\"}");
        }
        browser.signInAsAdmin(PASSWORD);
        browser.open("/admin/accounts.xhtml?domain=paging.console.test");
        assertThat(browser.text(By.cssSelector(".pager"))).contains("1–25 of 30", "Page 1 of 2");
        browser.clickAndWait(By.cssSelector("a[rel=next]"));
        assertThat(browser.text(By.cssSelector(".pager"))).contains("26–30 of 30");
        assertThat(browser.text(By.id("accountTable"))).contains("user30@paging.console.test")
                .doesNotContain("user01@paging.console.test");

        browser.type("q", "USER1");
        browser.submitAndWait("q");
        assertThat(browser.driver().findElements(By.cssSelector("#accountTable tbody tr"))).hasSize(10);
    }

    @Test
    void disablingAndRemovingADomainSaysWhatGoes() {
        api.createDomainWithAccounts("gone.console.test", "carol", "dave");
        browser.signInAsAdmin(PASSWORD);
        browser.open("/admin/domains.xhtml");
        browser.clickAndWait(By.xpath("//input[@aria-label='Disable gone.console.test']"));
        assertThat(browser.find(By.id("messages")).getText()).contains("gone.console.test disabled");
        assertThat(api.get("/api/admin/domains/gone.console.test").body()).contains("\"enabled\":false");

        browser.open("/admin/domain-remove.xhtml?domain=gone.console.test");
        assertThat(browser.text(By.id("consequences"))).contains("2 account(s)", "0 message(s)");
        browser.clickAndWait("confirm:remove");
        assertThat(browser.text(By.id("messages"))).contains("gone.console.test removed with 2 account(s)");
        assertThat(api.get("/api/admin/domains/gone.console.test").statusCode()).isEqualTo(404);
    }

    @Test
    void accountDetailsCanBeChangedAndTheAccountDeleted() {
        api.createDomainWithAccounts("change.console.test", "erin");
        browser.signInAsAdmin(PASSWORD);
        browser.open("/admin/account.xhtml?address=erin%40change.console.test");
        browser.type("details:quota", "nonsense");
        browser.clickAndWait("details:save");
        assertThat(browser.text(By.id("messages"))).contains("is not a size");

        browser.type("details:quota", "2 GB");
        browser.clickAndWait("details:save");
        assertThat(api.get("/api/admin/accounts/erin@change.console.test").body()).contains("\"quotaBytes\":2147483648");

        browser.type("password:newPassword", "a new long password");
        browser.type("password:again", "a different one!!");
        browser.clickAndWait("password:change");
        assertThat(browser.text(By.id("messages"))).contains("not the same");
        browser.type("password:newPassword", "a new long password");
        browser.type("password:again", "a new long password");
        browser.clickAndWait("password:change");
        assertThat(browser.text(By.id("messages"))).contains("Password changed");
        assertThat(new AdminApi(Ports.http(), "erin@change.console.test", "a new long password")
                .get("/api/admin/domains").statusCode()).as("authenticated (403: not an admin), so the password works").isEqualTo(403);

        browser.clickAndWait("state:disable");
        assertThat(api.get("/api/admin/accounts/erin@change.console.test").body()).contains("\"enabled\":false");
        browser.clickAndWait("state:enable");
        browser.clickAndWait("state:askDelete");
        assertThat(browser.text(By.cssSelector(".confirm"))).contains("Delete erin@change.console.test?");
        browser.clickAndWait("confirmDelete:delete");
        assertThat(browser.text(By.id("messages"))).contains("erin@change.console.test deleted");
        assertThat(api.get("/api/admin/accounts/erin@change.console.test").statusCode()).isEqualTo(404);
    }

    @Test
    void aForgedPostWithoutTheViewStateChangesNothing() throws Exception {
        browser.signInAsAdmin(PASSWORD);
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("add", "add");
        form.put("add:name", "forged.console.test");
        form.put("add:addButton", "Add domain");

        // What a page on another site could send, even with the victim's session cookie.
        HttpResponse<String> noViewState = post("/admin/domains.xhtml", form, session);
        assertThat(noViewState.statusCode()).isIn(200, 303);
        form.put("jakarta.faces.ViewState", "-1234567890:987654321");
        HttpResponse<String> guessedViewState = post("/admin/domains.xhtml", form, session);
        assertThat(guessedViewState.statusCode()).as("refused: sent to a fresh copy of the page").isIn(302, 303);
        assertThat(guessedViewState.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/domains.xhtml"));
        HttpResponse<String> noSession = post("/admin/domains.xhtml", form, null);
        assertThat(noSession.statusCode()).isEqualTo(303);

        assertThat(api.get("/api/admin/domains/forged.console.test").statusCode()).isEqualTo(404);
        // The real form, with its ViewState, still works for the signed-in administrator.
        browser.open("/admin/domains.xhtml");
        browser.type("add:name", "real.console.test");
        browser.clickAndWait("add:addButton");
        assertThat(api.get("/api/admin/domains/real.console.test").statusCode()).isEqualTo(200);
    }

    @Test
    void scriptInADisplayNameIsShownAsText() {
        api.createDomainWithAccounts("xss.console.test", "mallory");
        browser.signInAsAdmin(PASSWORD);
        browser.open("/admin/account.xhtml?address=mallory%40xss.console.test");
        browser.type("details:displayName", XSS);
        browser.clickAndWait("details:save");
        assertThat(browser.text(By.id("displayNameShown"))).isEqualTo(XSS);
        assertThat(browser.find(By.id("details:displayName")).getAttribute("value")).isEqualTo(XSS);
        assertNoScriptRan();

        browser.open("/admin/accounts.xhtml?domain=xss.console.test");
        assertThat(browser.text(By.cssSelector("#accountTable .display-name"))).isEqualTo(XSS);
        assertNoScriptRan();
    }

    @Test
    void theDnsPageChecksEachRecordLive() {
        api.createDomainWithAccounts("dns-ok.console.test");
        api.createDomainWithAccounts("dns-missing.console.test");
        browser.signInAsAdmin(PASSWORD);

        browser.open("/admin/dns.xhtml?domain=dns-ok.console.test");
        assertThat(status("MX")).isEqualTo("PRESENT");
        assertThat(status("SPF")).isEqualTo("PRESENT");
        assertThat(status("DMARC")).isEqualTo("DIFFERENT");
        assertThat(browser.text(By.id("record-DMARC"))).contains("v=DMARC1; p=none", "p=quarantine");
        assertThat(browser.text(By.id("record-MX"))).contains("dns-ok.console.test. IN MX 10 mx.posthorn.test.");
        assertThat(status("SRV_IMAPS")).isEqualTo("PRESENT");
        assertThat(status("SRV_IMAP")).isEqualTo("MISSING");
        assertThat(status("SRV_SUBMISSION")).isEqualTo("DIFFERENT");
        assertThat(browser.text(By.id("record-SRV_IMAP")))
                .as("the public port, not the listener's 2143 + offset")
                .contains("_imap._tcp.dns-ok.console.test. IN SRV 10 1 143 mx.posthorn.test.");
        assertThat(browser.text(By.id("record-SRV_SUBMISSION"))).contains("10 1 2587 mx.posthorn.test.", "port 587");
        assertThat(status("AUTOCONFIG")).isEqualTo("PRESENT");
        browser.screenshot("06-dns");

        browser.open("/admin/dns.xhtml?domain=dns-missing.console.test");
        assertThat(status("MX")).isEqualTo("MISSING");
        assertThat(status("SPF")).isEqualTo("MISSING");
        assertThat(status("DMARC")).isEqualTo("MISSING");
        assertThat(status("SRV_IMAPS")).isEqualTo("MISSING");
        assertThat(status("AUTOCONFIG")).isEqualTo("MISSING");

        assertThat(api.get("/api/admin/domains/dns-ok.console.test/dns").body())
                .contains("\"status\":\"PRESENT\"", "\"status\":\"DIFFERENT\"",
                        "\"name\":\"_submissions._tcp.dns-ok.console.test.\"", "\"value\":\"0 1 465 mx.posthorn.test.\"");
    }

    @Test
    void unknownPagesAndEntriesShowNoStackTrace() {
        browser.signInAsAdmin(PASSWORD);
        browser.open("/admin/no-such-page.xhtml");
        assertThat(browser.text(By.tagName("main"))).contains("Page not found").doesNotContain("Exception");
        browser.open("/admin/account.xhtml?address=nobody%40nowhere.console.test");
        assertThat(browser.url()).contains("/admin/domains.xhtml");
        assertThat(browser.text(By.id("messages"))).contains("no account nobody@nowhere.console.test");
        browser.open("/admin/accounts.xhtml?domain=bad_name");
        assertThat(browser.text(By.tagName("main"))).doesNotContain("Exception").doesNotContain("at org.");
    }

    private String inboxCount() {
        return browser.text(By.cssSelector("tr[data-folder='INBOX'] td.messages"));
    }

    private String status(String kind) {
        return browser.find(By.cssSelector("#record-" + kind + " .status")).getAttribute("data-status");
    }

    private void assertNoScriptRan() {
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
        assertThat(browser.driver().findElements(By.xpath("//main//script"))).isEmpty();
    }

    private static HttpResponse<String> get(String path, String sessionId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return send(request);
    }

    private static HttpResponse<String> post(String path, Map<String, String> form, String sessionId) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return send(request);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + Ports.http() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
