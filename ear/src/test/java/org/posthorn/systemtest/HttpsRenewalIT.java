package org.posthorn.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Launcher;

/**
 * The operator's keystore and an open web (issue 5, ADR 0005/0009), through the README's launcher:
 * HTTPS and the mail ports present the certificate of {@code posthorn.tls.keystore}, and when a renewed
 * file is moved into place (as certbot's deploy hook would) both present the new one, without a restart.
 * With the web opened to the network ({@code jboss.bind.address=0.0.0.0}), a client that is not on
 * loopback is sent to HTTPS or refused on plain HTTP: credentials only over TLS.
 */
class HttpsRenewalIT {

    private static final Path DIRECTORY = Path.of("target", "https-renewal").toAbsolutePath();
    private static final Path KEYSTORE = DIRECTORY.resolve("server.p12");
    private static final String PASSWORD = "renewal-secret";
    private static final Launcher POSTHORN = new Launcher(8500, DIRECTORY.resolve("data"),
            Path.of("target", "https-renewal-it.log"), "renewal-admin-secret",
            "-Dposthorn.tls.keystore=" + KEYSTORE, "-Dposthorn.tls.keystore-password=" + PASSWORD,
            "-Djboss.bind.address=0.0.0.0");
    private static final String ADMIN_AUTHORIZATION = AdminApi.basic("admin", "renewal-admin-secret");

    @BeforeAll
    static void start() throws Exception {
        POSTHORN.deleteData();
        Files.createDirectories(DIRECTORY);
        Files.deleteIfExists(KEYSTORE);
        keytool(KEYSTORE, "first.posthorn.test");
        assertThat(POSTHORN.run("start")).as("posthorn start, see " + POSTHORN.log()).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        POSTHORN.run("stop");
    }

    @Test
    void httpsAndImapsFollowARenewedKeystore() throws Exception {
        assertThat(subject(POSTHORN.port(8443))).contains("first.posthorn.test");
        assertThat(subject(POSTHORN.port(2993))).contains("first.posthorn.test");

        Path renewed = DIRECTORY.resolve("renewed.p12");
        Files.deleteIfExists(renewed);
        keytool(renewed, "second.posthorn.test");
        Files.move(renewed, KEYSTORE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        // The file is looked at every few seconds, when a connection comes: keep connecting until it has been.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String https = subject(POSTHORN.port(8443));
        while (!https.contains("second.posthorn.test") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            https = subject(POSTHORN.port(8443));
        }
        assertThat(https).contains("second.posthorn.test");
        assertThat(subject(POSTHORN.port(2993))).contains("second.posthorn.test");
    }

    @Test
    void plainHttpFromTheNetworkIsSentToHttpsOrRefused() throws Exception {
        InetAddress external = nonLoopbackAddress();
        String host = external.getHostAddress();
        int http = POSTHORN.port(8080);
        int https = POSTHORN.port(8443);

        HttpURLConnection page = open("http://" + host + ":" + http + "/admin/login.xhtml", null);
        assertThat(page.getResponseCode()).isEqualTo(301);
        assertThat(page.getHeaderField("Location")).isEqualTo("https://" + host + ":" + https + "/admin/login.xhtml");

        HttpURLConnection api = open("http://" + host + ":" + http + "/api/admin/status", ADMIN_AUTHORIZATION);
        assertThat(api.getResponseCode()).isEqualTo(403);
        assertThat(new String(api.getErrorStream().readAllBytes())).contains("HTTPS required");

        assertThat(open("https://" + host + ":" + https + "/api/admin/status", ADMIN_AUTHORIZATION).getResponseCode())
                .isEqualTo(200);
        assertThat(open("http://127.0.0.1:" + http + "/api/admin/status", ADMIN_AUTHORIZATION).getResponseCode())
                .as("loopback may use plain HTTP (posthorn.auth.plaintext=loopback)").isEqualTo(200);
    }

    /** A GET that follows no redirect; over HTTPS it trusts anything, as the certificate is not what is tested. */
    private static HttpURLConnection open(String url, String authorization) throws Exception {
        var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        if (connection instanceof HttpsURLConnection tls) {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new LookOnly()}, null);
            tls.setSSLSocketFactory(context.getSocketFactory());
            tls.setHostnameVerifier((name, session) -> true);
        }
        return connection;
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        Optional<InetAddress> found = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .findFirst();
        assumeTrue(found.isPresent(), "this machine has no non-loopback IPv4 address to come from");
        return found.get();
    }

    /** The subject of the certificate presented on {@code port}; trusts anything, as it only looks. */
    private static String subject(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new LookOnly()}, null);
        try (var socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        }
    }

    private static void keytool(Path file, String hostname) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", hostname, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + hostname, "-ext", "SAN=dns:" + hostname,
                "-validity", "30", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(output).isTrue();
    }

    private static final class LookOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
