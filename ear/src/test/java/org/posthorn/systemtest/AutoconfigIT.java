package org.posthorn.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Thunderbird's autoconfig file as a mail client fetches it: without credentials, for a domain the
 * server hosts, with the public ports (the test server listens on the unprivileged defaults plus an
 * offset, so the file must name 993, 143, ...). Domain names end in {@code .autoconfig.test}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AutoconfigIT {

    private static final String PATH = "/mail/config-v1.1.xml";
    private static final String WELL_KNOWN = "/.well-known/autoconfig/mail/config-v1.1.xml";

    private final AdminApi api = AdminApi.forTestServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @Test
    void aHostedDomainGetsEveryServiceOnItsPublicPort() throws Exception {
        api.createDomainWithAccounts("hosted.autoconfig.test");
        HttpResponse<String> response = fetch(PATH + "?emailaddress=fred%40Hosted.Autoconfig.Test");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/xml"));

        Document doc = parse(response.body());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("clientConfig");
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("1.1");
        assertThat(xpath(doc, "/clientConfig/emailProvider/domain")).containsExactly("hosted.autoconfig.test");
        assertThat(xpath(doc, "//incomingServer/@type")).containsExactly("imap", "imap", "pop3", "pop3");
        assertThat(xpath(doc, "//incomingServer/port")).as("public ports, not 2993 + offset").containsExactly("993", "143", "995", "110");
        assertThat(xpath(doc, "//incomingServer/socketType")).containsExactly("SSL", "STARTTLS", "SSL", "STARTTLS");
        assertThat(xpath(doc, "//outgoingServer/@type")).containsExactly("smtp", "smtp");
        assertThat(xpath(doc, "//outgoingServer/port")).containsExactly("465", "587");
        assertThat(xpath(doc, "//outgoingServer/socketType")).containsExactly("SSL", "STARTTLS");
        assertThat(xpath(doc, "//hostname")).hasSize(6).containsOnly("mx.posthorn.test");
        assertThat(xpath(doc, "//username")).hasSize(6).containsOnly("%EMAILADDRESS%");
        assertThat(xpath(doc, "//authentication")).hasSize(6).containsOnly("password-cleartext");
    }

    @Test
    void theWellKnownPathAnswersTheSame() throws Exception {
        api.createDomainWithAccounts("well-known.autoconfig.test");
        HttpResponse<String> response = fetch(WELL_KNOWN + "?emailaddress=fred%40well-known.autoconfig.test");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(parse(response.body()).getElementsByTagName("domain").item(0).getTextContent())
                .isEqualTo("well-known.autoconfig.test");
    }

    @Test
    void withoutAnAddressTheHostAskedNamesTheDomain() throws Exception {
        api.createDomainWithAccounts("by-host.autoconfig.test");
        // HttpClient will not send a Host header of the caller's choosing: a request by hand.
        String answer = rawGet(PATH, "autoconfig.by-host.autoconfig.test");
        assertThat(answer).startsWith("HTTP/1.1 200").contains("<domain>by-host.autoconfig.test</domain>");
    }

    @Test
    void unknownDisabledAndMalformedDomainsGet404() {
        api.createDomainWithAccounts("disabled.autoconfig.test");
        assertThat(api.put("/api/admin/domains/disabled.autoconfig.test", "{\"enabled\": false}").statusCode()).isEqualTo(200);
        for (String query : List.of("?emailaddress=fred%40unknown.autoconfig.test", "?emailaddress=fred%40disabled.autoconfig.test",
                "?emailaddress=no-domain", "?emailaddress=fred%40%3Cscript%3E.test")) {
            HttpResponse<String> response = fetch(PATH + query);
            assertThat(response.statusCode()).as(query).isEqualTo(404);
            assertThat(response.body()).as(query).doesNotContain("clientConfig").doesNotContain("<script>");
        }
        assertThat(fetch(WELL_KNOWN + "?emailaddress=fred%40unknown.autoconfig.test").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> fetch(String path) {
        return api.sendRaw(api.unauthenticated(path).GET());
    }

    private static String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Ports.http())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of every node the expression selects, in document order. */
    private static List<String> xpath(Document doc, String expression) throws XPathExpressionException {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, doc, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
