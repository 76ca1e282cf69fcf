package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;

/**
 * Issue 5: the web port serves Posthorn and nothing of WildFly's remote access. Out of the box,
 * WildFly's HTTP listener also upgrades connections to JBoss Remoting (remote EJB and JNDI, the
 * {@code jboss-remoting} upgrade), to ActiveMQ Artemis (remote JMS, {@code activemq-remoting}) and serves
 * EJB over HTTP at {@code /wildfly-services}: all open to the network as soon as the operator opens the web
 * with {@code jboss.bind.address}. Posthorn needs none of them and {@code posthorn-configure.cli} removes them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebSurfaceIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @Test
    void theWebPortUpgradesToNoRemotingProtocol() throws IOException {
        for (String protocol : new String[] {"jboss-remoting", "activemq-remoting"}) {
            String answer = exchange("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: " + protocol
                    + "\r\nSec-JbossRemoting-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
            assertThat(answer).as("answer to Upgrade: %s", protocol).startsWith("HTTP/1.1 ")
                    .doesNotStartWith("HTTP/1.1 101");
        }
    }

    @Test
    void thereIsNoEjbOverHttp() throws IOException {
        String answer = exchange("POST /wildfly-services/ejb/v1/invoke/-/posthorn/-/x/-/x HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        // Posthorn's web module, at the root, finds nothing there; WildFly's invoker would ask for credentials.
        assertThat(answer).matches("(?s)HTTP/1.1 40[45] .*").doesNotContain("ApplicationRealm");
    }

    /** Sends {@code request} to the web port and returns the status line and headers of the answer. */
    private static String exchange(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", Ports.http())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && !head.toString().endsWith("\r\n\r\n")) {
                head.append((char) b);
            }
            return head.toString();
        }
    }
}
