package org.posthorn.systemtest.support;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

/** Jakarta Mail as the SMTP client: what a real MUA or MTA sends. */
public final class SmtpSender {

    private SmtpSender() {
    }

    public static Session session(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.localhost", "client.posthorn.test");
        properties.put("mail.smtp.allow8bitmime", "true");
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        return Session.getInstance(properties);
    }

    /** A message parsed from these exact bytes; sent unchanged (no saveChanges), so the wire carries them. */
    public static MimeMessage fromBytes(Session session, byte[] raw) throws MessagingException {
        return new MimeMessage(session, new ByteArrayInputStream(raw));
    }

    /** What Jakarta Mail will put on the wire for this message before dot-stuffing. */
    public static byte[] bytesOf(MimeMessage message) throws IOException, MessagingException {
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Sends with envelope sender {@code from} to the given recipients over one connection. */
    public static void send(Session session, MimeMessage message, String from, String... to) throws MessagingException {
        Address[] recipients = new Address[to.length];
        for (int i = 0; i < to.length; i++) {
            recipients[i] = new InternetAddress(to[i]);
        }
        session.getProperties().put("mail.smtp.from", from);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, recipients);
        }
    }
}
