package org.posthorn.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;

/**
 * Issue 5: WildFly's own management interface (HTTP management, which also carries JMX and the CLI
 * over remoting), the web server, and WildFly's other sockets (IIOP, transaction recovery, AJP) listen
 * on loopback only, and management asks for credentials even there. Only the mail ports face the
 * network. Seen from outside, as an attacker would: by the machine's listening sockets ({@code ss})
 * and by connecting to a non-loopback address of the machine.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ManagementExposureIT {

    /**
     * WildFly's socket bindings in standalone-full.xml, before the port offset: http, https (the
     * adapter's HTTPS listener, on the web's address), ajp, iiop, iiop-ssl, txn-recovery-environment,
     * txn-status-manager, management-http, management-https; and posthorn-https-backend, where Undertow
     * takes the HTTPS listener's decrypted connections.
     */
    private static final List<Integer> WILDFLY_PORTS = List.of(8080, 8443, 8009, 3528, 3529, 4712, 4713, 9990, 9993, 8444);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @Test
    void everyListeningSocketOfWildFlyIsOnLoopback() throws Exception {
        Map<Integer, List<String>> listening = listeningAddressesByPort();
        List<Integer> wildFlyPorts = wildFlyPorts();

        assertThat(listening).as("ss sees the management and HTTP listeners (%s)", listening)
                .containsKeys(managementPort(), Ports.http());
        for (int port : wildFlyPorts) {
            assertThat(listening.getOrDefault(port, List.of())).as("listeners on port %d", port)
                    .allSatisfy(address -> assertThat(isLoopback(address)).as("%s is loopback", address).isTrue());
        }
    }

    @Test
    void onANonLoopbackAddressOnlyTheMailPortsAnswer() throws IOException {
        List<InetAddress> external = nonLoopbackAddresses();
        assumeFalse(external.isEmpty(), "this machine has no non-loopback address to try WildFly's ports on; "
                + "the ss test still checks the bindings");
        for (InetAddress address : external) {
            try (Socket smtp = connect(address, Ports.smtp())) {
                assertThat(smtp.isConnected()).as("the mail ports do answer on %s", address).isTrue();
            }
            for (int port : wildFlyPorts()) {
                assertThatThrownBy(() -> connect(address, port).close()).as("WildFly port %d on %s", port, address)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void managementAsksForCredentialsEvenOnLoopback() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort() + "/management?operation=attribute&name=server-state"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).isNotEmpty();
        assertThat(response.body()).doesNotContain("running");
    }

    private static int managementPort() {
        return Integer.getInteger("posthorn.test.management-port", 9990 + Ports.offset());
    }

    private static List<Integer> wildFlyPorts() {
        return IntStream.concat(WILDFLY_PORTS.stream().mapToInt(port -> port + Ports.offset()), IntStream.of(managementPort()))
                .distinct().boxed().toList();
    }

    /** Local address of every listening TCP socket on this machine, by port, as {@code ss -ltnH} prints it. */
    private static Map<Integer, List<String>> listeningAddressesByPort() throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ss.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ss.exitValue()).as("ss -ltnH: %s", out).isZero();
        return out.lines().map(line -> line.trim().split("\\s+")).filter(columns -> columns.length >= 4)
                .map(columns -> columns[3])
                .collect(Collectors.groupingBy(ManagementExposureIT::port,
                        Collectors.mapping(local -> local.substring(0, local.lastIndexOf(':')), Collectors.toList())));
    }

    private static int port(String localAddress) {
        return Integer.parseInt(localAddress.substring(localAddress.lastIndexOf(':') + 1));
    }

    /** {@code 127.x.y.z}, {@code [::1]}, {@code [::ffff:127.0.0.1]}; not {@code 0.0.0.0}, {@code *} or {@code [::]}. */
    private static boolean isLoopback(String address) {
        String host = address.replace("[", "").replace("]", "").replaceFirst("%.*$", "");
        return host.startsWith("127.") || host.equals("::1") || host.startsWith("::ffff:127.");
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(ManagementExposureIT::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                // The server runs with java.net.preferIPv4Stack, and link-local addresses need a scope.
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()
                        && !(address instanceof Inet6Address))
                .toList();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static Socket connect(InetAddress address, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), 5000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
