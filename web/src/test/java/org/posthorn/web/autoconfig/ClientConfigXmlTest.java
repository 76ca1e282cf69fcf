package org.posthorn.web.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.discovery.ClientConfig;
import org.posthorn.ejb.discovery.MailService;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ClientConfigXmlTest {

    private static Map<MailService, Integer> ports() {
        Map<MailService, Integer> ports = new EnumMap<>(MailService.class);
        for (MailService service : MailService.values()) {
            ports.put(service, service.standardPort());
        }
        return ports;
    }

    private static String write(ClientConfig config) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClientConfigXml.write(config, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** "type socketType port hostname username authentication" of each server element of that name, in order. */
    private static List<String> servers(Document doc, String elementName) {
        List<String> servers = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName(elementName);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element server = (Element) nodes.item(i);
            servers.add(server.getAttribute("type") + " " + text(server, "socketType") + " " + text(server, "port")
                    + " " + text(server, "hostname") + " " + text(server, "username") + " " + text(server, "authentication"));
        }
        return servers;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent();
    }

    @Test
    void everyServiceInTheOrderOfPreference() throws Exception {
        Document doc = parse(write(new ClientConfig("example.org", "mx.example.net", ports())));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("clientConfig");
        assertThat(root.getAttribute("version")).isEqualTo("1.1");
        Element provider = (Element) root.getElementsByTagName("emailProvider").item(0);
        assertThat(provider.getAttribute("id")).isEqualTo("example.org");
        assertThat(text(provider, "domain")).isEqualTo("example.org");
        assertThat(servers(doc, "incomingServer")).containsExactly(
                "imap SSL 993 mx.example.net %EMAILADDRESS% password-cleartext",
                "imap STARTTLS 143 mx.example.net %EMAILADDRESS% password-cleartext",
                "pop3 SSL 995 mx.example.net %EMAILADDRESS% password-cleartext",
                "pop3 STARTTLS 110 mx.example.net %EMAILADDRESS% password-cleartext");
        assertThat(servers(doc, "outgoingServer")).containsExactly(
                "smtp SSL 465 mx.example.net %EMAILADDRESS% password-cleartext",
                "smtp STARTTLS 587 mx.example.net %EMAILADDRESS% password-cleartext");
    }

    @Test
    void thePortsAreTheOnesGiven() throws Exception {
        Map<MailService, Integer> ports = ports();
        ports.put(MailService.SUBMISSION, 26);
        assertThat(servers(parse(write(new ClientConfig("example.org", "mx.example.net", ports))), "outgoingServer"))
                .contains("smtp STARTTLS 26 mx.example.net %EMAILADDRESS% password-cleartext");
    }

    @Test
    void everyValueIsEscaped() throws Exception {
        String host = "mx<script>&\"'.example.net";
        String xml = write(new ClientConfig("a&b\"<c>.example", host, ports()));
        assertThat(xml).doesNotContain("<script>").contains("&lt;script", "&amp;");
        Document doc = parse(xml);
        assertThat(((Element) doc.getElementsByTagName("emailProvider").item(0)).getAttribute("id"))
                .isEqualTo("a&b\"<c>.example");
        assertThat(doc.getElementsByTagName("hostname").item(0).getTextContent()).isEqualTo(host);
    }

    @Test
    void theDomainAskedComesFromTheAddressElseFromTheHost() {
        assertThat(ClientConfigXml.domainAsked("fred@Example.org", "autoconfig.other.org")).isEqualTo("Example.org");
        assertThat(ClientConfigXml.domainAsked("odd@local@example.org", null)).isEqualTo("example.org");
        assertThat(ClientConfigXml.domainAsked("no-domain", "example.org")).isNull();
        assertThat(ClientConfigXml.domainAsked("fred@", "example.org")).isNull();
        assertThat(ClientConfigXml.domainAsked(null, "AutoConfig.Example.org")).isEqualTo("example.org");
        assertThat(ClientConfigXml.domainAsked(null, "example.org")).isEqualTo("example.org");
        assertThat(ClientConfigXml.domainAsked(null, "")).isNull();
    }
}
