package org.posthorn.web.autoconfig;

import java.io.OutputStream;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.posthorn.ejb.discovery.ClientConfig;
import org.posthorn.ejb.discovery.MailService;

/**
 * Thunderbird's autoconfiguration file, {@code clientConfig} version 1.1 (the format of Mozilla's
 * ISPDB, also read by K-9/Thunderbird for Android, Evolution, KMail and others): every IMAP and POP3
 * service as an {@code incomingServer} and every submission service as an {@code outgoingServer}, in
 * the order of preference of {@link MailService}, all logging in with the full address and the
 * password. Written with StAX, which escapes every text and attribute value.
 */
public final class ClientConfigXml {

    /** Thunderbird's placeholder for the address the user typed: Posthorn's logins are full addresses. */
    static final String USERNAME = "%EMAILADDRESS%";
    /** A password sent as typed, over TLS (every service here offers it before authentication). */
    static final String AUTHENTICATION = "password-cleartext";
    private static final String AUTOCONFIG_HOST_PREFIX = "autoconfig.";

    private ClientConfigXml() {
    }

    /**
     * The domain a client asks about: the part after the last {@code @} of its {@code emailaddress}
     * parameter, else the host it asked (the {@code Host} header) without a leading {@code autoconfig.}.
     *
     * @return null when the address has no domain part
     */
    public static String domainAsked(String emailAddress, String host) {
        if (emailAddress != null) {
            int at = emailAddress.lastIndexOf('@');
            return at < 0 || at == emailAddress.length() - 1 ? null : emailAddress.substring(at + 1);
        }
        if (host == null || host.isEmpty()) {
            return null;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith(AUTOCONFIG_HOST_PREFIX) ? lower.substring(AUTOCONFIG_HOST_PREFIX.length()) : lower;
    }

    /** Writes the file for the domain of {@code config}, UTF-8. */
    public static void write(ClientConfig config, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("clientConfig");
        xml.writeAttribute("version", "1.1");
        indent(xml, 1);
        xml.writeStartElement("emailProvider");
        xml.writeAttribute("id", config.domain());
        element(xml, 2, "domain", config.domain());
        element(xml, 2, "displayName", "Mail of " + config.domain());
        element(xml, 2, "displayShortName", config.domain());
        for (MailService service : MailService.values()) {
            server(xml, config, service);
        }
        indent(xml, 1);
        xml.writeEndElement();
        indent(xml, 0);
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static void server(XMLStreamWriter xml, ClientConfig config, MailService service) throws XMLStreamException {
        indent(xml, 2);
        xml.writeStartElement(service.incoming() ? "incomingServer" : "outgoingServer");
        xml.writeAttribute("type", service.protocol());
        element(xml, 3, "hostname", config.hostname());
        element(xml, 3, "port", Integer.toString(config.port(service)));
        element(xml, 3, "socketType", service.implicitTls() ? "SSL" : "STARTTLS");
        element(xml, 3, "username", USERNAME);
        element(xml, 3, "authentication", AUTHENTICATION);
        indent(xml, 2);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, int depth, String name, String text) throws XMLStreamException {
        indent(xml, depth);
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
