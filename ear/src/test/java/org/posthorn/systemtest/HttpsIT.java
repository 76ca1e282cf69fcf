package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.posthorn.systemtest.support.ServerCertificate;

/**
 * The web UI and API over HTTPS (ADR 0009): the HTTPS port presents the certificate the mail ports
 * present, with their protocols and cipher suites; the console's session cookie is {@code Secure} there
 * and only there; request and response bodies of several TLS records pass; and the web sees the
 * browser's own address, not the relay's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @Test
    void httpsPresentsTheMailCertificate() throws Exception {
        Certificate expected = ServerCertificate.certificate();
        assertThat(peerCertificate(Ports.https())).isEqualTo(expected);
        assertThat(peerCertificate(Ports.imaps())).isEqualTo(expected);
    }

    @Test
    void theConsoleCookieIsSecureOverHttpsOnly() throws Exception {
        String overHttps = httpsExchange(InetAddress.getLoopbackAddress(), "GET /admin/login.xhtml HTTP/1.1\r\n"
                + "Host: mx.posthorn.test\r\nConnection: close\r\n\r\n");
        assertThat(overHttps).startsWith("HTTP/1.1 200").contains("Posthorn");
        assertThat(setCookie(overHttps)).contains("JSESSIONID=").contains("secure").contains("HttpOnly");

        AdminApi http = AdminApi.forTestServer();
        HttpResponse<String> overHttp = http.sendRaw(http.unauthenticated("/admin/login.xhtml").GET());
        assertThat(overHttp.statusCode()).isEqualTo(200);
        assertThat(overHttp.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                cookie -> assertThat(cookie).contains("JSESSIONID=").doesNotContainIgnoringCase("secure"));
    }

    @Test
    void theApiAnswersOverHttpsWithBodiesOfManyRecords() throws Exception {
        String status = httpsExchange(InetAddress.getLoopbackAddress(), "GET /api/admin/status HTTP/1.1\r\n"
                + "Host: mx.posthorn.test\r\nAuthorization: " + AdminApi.basic("admin", AdminApi.TEST_ADMIN_PASSWORD)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(status).startsWith("HTTP/1.1 200").contains("\"version\"");

        // 300 KB is about 20 TLS records in, and the relay must pass all of it to get an answer.
        String domain = "big-" + System.nanoTime() + ".test";
        String body = "{\"unknown\": \"" + "x".repeat(300_000) + "\"}";
        String created = httpsExchange(InetAddress.getLoopbackAddress(), "PUT /api/admin/domains/" + domain
                + " HTTP/1.1\r\nHost: mx.posthorn.test\r\nAuthorization: "
                + AdminApi.basic("admin", AdminApi.TEST_ADMIN_PASSWORD) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(created).startsWith("HTTP/1.1 201")
                // The web knows the request came over HTTPS, so its links do too.
                .contains("Location: https://mx.posthorn.test/api/admin/domains/" + domain);
    }

    @Test
    void theWebSeesTheBrowsersAddress() throws Exception {
        // From 127.0.0.2, which only the client uses: the relay itself connects from 127.0.0.1.
        String login = "nobody-https-" + System.nanoTime();
        String refused = httpsExchange(InetAddress.getByName("127.0.0.2"), "GET /api/admin/status HTTP/1.1\r\n"
                + "Host: mx.posthorn.test\r\nAuthorization: " + AdminApi.basic(login, "wrong")
                + "\r\nConnection: close\r\n\r\n");
        assertThat(refused).startsWith("HTTP/1.1 401");

        String status = AdminApi.forTestServer().get("/api/admin/status").body();
        var failure = java.util.regex.Pattern.compile("\\{[^{}]*\"" + login + "\"[^{}]*}").matcher(status);
        assertThat(failure.find()).as("the failure of %s in %s", login, status).isTrue();
        assertThat(failure.group()).contains("\"remoteAddress\":\"127.0.0.2\"");
    }

    @Test
    void oldProtocolsAndCbcSuitesAreRefused() throws Exception {
        assertThat(openssl("-tls1_1")).contains("alert protocol version");
        assertThat(openssl("-tls1_2 -cipher ECDHE-ECDSA-AES128-SHA")).contains("handshake failure");
        assertThat(openssl("-tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256"))
                .contains("Protocol version: TLSv1.2").contains("ECDHE-ECDSA-AES128-GCM-SHA256");
    }

    private static Certificate peerCertificate(int port) throws IOException, GeneralSecurityException {
        try (var socket = (SSLSocket) ServerCertificate.trustingServerCertificate().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0];
        }
    }

    /** One request over HTTPS from {@code localAddress}, trusting exactly the server's certificate; the whole answer. */
    private static String httpsExchange(InetAddress localAddress, String request) throws Exception {
        try (var plain = new java.net.Socket()) {
            plain.bind(new InetSocketAddress(localAddress, 0));
            plain.connect(new InetSocketAddress("127.0.0.1", Ports.https()), 5_000);
            plain.setSoTimeout(30_000);
            try (var tls = (SSLSocket) ServerCertificate.trustingServerCertificate()
                    .createSocket(plain, "127.0.0.1", Ports.https(), true)) {
                tls.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                tls.getOutputStream().flush();
                return new String(tls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static String setCookie(String response) {
        return response.lines().filter(line -> line.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                .findFirst().orElse("");
    }

    private static String openssl(String options) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "openssl s_client -brief -connect 127.0.0.1:" + Ports.https()
                + " " + options + " </dev/null").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), US_ASCII);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
