package org.posthorn.ejb.queue;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A delivery status notification (RFC 3464) to the sender of a queued message, built with Jakarta
 * Mail: a {@code multipart/report; report-type=delivery-status} (RFC 6522) of a human-readable part,
 * the {@code message/delivery-status} part with one per-recipient block for each recipient reported,
 * and the original message's header section as {@code text/rfc822-headers} (RFC 6522 §4: the headers
 * are enough, and a bounce need not carry the whole message back).
 *
 * <p>{@code failed} reports the recipients given up on (a {@code 5xx}, no route, expiry); {@code delayed}
 * those still being tried (RFC 3464 §2.3.3). The report is sent with the null reverse-path, so it can
 * never bounce itself (RFC 5321 §4.5.5), and carries {@code Auto-Submitted: auto-replied} (RFC 3834 §5).
 */
public final class DeliveryStatusReport {

    /** RFC 3464 §2.3.3. */
    public enum Action {
        FAILED,
        DELAYED
    }

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private DeliveryStatusReport() {
    }

    /**
     * The report's octets.
     *
     * @param reportingMta this server's name
     * @param entry        the queued message reported on; its sender is the report's recipient
     * @param recipients   the recipients reported, each with its last status and diagnostic
     * @param retryUntil   for {@code delayed}: when the queue gives up
     * @param messageId    the report's own {@code Message-ID}, without angle brackets
     */
    public static byte[] build(String reportingMta, QueuedMessage entry, List<QueuedRecipient> recipients, Action action,
                               Instant now, Instant retryUntil, String messageId) {
        String sender = entry.getSender().orElseThrow(() -> new IllegalArgumentException("no report for <>"));
        try {
            MimeMessage report = new MimeMessage(Session.getInstance(new Properties()));
            report.setFrom(new InternetAddress("MAILER-DAEMON@" + reportingMta, "Mail Delivery System"));
            InternetAddress to = new InternetAddress();
            // Set, not parsed: the address was checked when the message was accepted.
            to.setAddress(sender);
            report.setRecipient(jakarta.mail.Message.RecipientType.TO, to);
            report.setSubject(action == Action.FAILED ? "Undelivered Mail Returned to Sender"
                    : "Delayed Mail (still being retried)", "US-ASCII");
            report.setHeader("Date", DATE_TIME.format(now));
            report.setHeader("Auto-Submitted", "auto-replied");

            MimeMultipart parts = new MimeMultipart("report; report-type=delivery-status");
            MimeBodyPart human = new MimeBodyPart();
            human.setText(humanText(reportingMta, entry, recipients, action, retryUntil), "UTF-8");
            parts.addBodyPart(human);
            parts.addBodyPart(part(deliveryStatus(reportingMta, entry, recipients, action, now, retryUntil),
                    "message/delivery-status"));
            parts.addBodyPart(part(headerSection(entry.getContent()), "text/rfc822-headers"));
            report.setContent(parts);
            report.saveChanges();
            // saveChanges made a Message-ID of its own; the queue's id is the one to find in the logs.
            report.setHeader("Message-ID", "<" + messageId + ">");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            report.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build a delivery status notification", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MimeBodyPart part(byte[] content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setHeader("Content-Type", type);
        part.setHeader("Content-Transfer-Encoding", isAscii(content) ? "7bit" : "8bit");
        return part;
    }

    /** RFC 3464 §2.2 per-message fields, then §2.3 per-recipient fields for each recipient. */
    static byte[] deliveryStatus(String reportingMta, QueuedMessage entry, List<QueuedRecipient> recipients, Action action,
                                 Instant now, Instant retryUntil) {
        StringBuilder out = new StringBuilder();
        out.append("Reporting-MTA: dns; ").append(reportingMta).append("\r\n");
        out.append("X-Posthorn-Queue-ID: ").append(entry.getDeliveryId()).append("\r\n");
        out.append("Arrival-Date: ").append(DATE_TIME.format(entry.getCreated())).append("\r\n");
        for (QueuedRecipient recipient : recipients) {
            out.append("\r\n");
            out.append("Final-Recipient: rfc822; ").append(recipient.getAddress()).append("\r\n");
            out.append("Action: ").append(action.name().toLowerCase(Locale.ROOT)).append("\r\n");
            out.append("Status: ").append(status(recipient, action)).append("\r\n");
            if (recipient.getRemoteMta() != null) {
                out.append("Remote-MTA: dns; ").append(recipient.getRemoteMta()).append("\r\n");
            }
            if (recipient.getDiagnostic() != null) {
                String diagnostic = recipient.getDiagnostic();
                // RFC 3464 §2.3.6: diagnostic-type; text. What is not an SMTP reply is our own explanation.
                out.append("Diagnostic-Code: ").append(diagnostic.startsWith("smtp; ") ? diagnostic : "x-posthorn; " + diagnostic)
                        .append("\r\n");
            }
            out.append("Last-Attempt-Date: ").append(DATE_TIME.format(now)).append("\r\n");
            if (action == Action.DELAYED) {
                out.append("Will-Retry-Until: ").append(DATE_TIME.format(retryUntil)).append("\r\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The status as recorded, or one that fits the action when none was. A recipient that expired keeps
     * the temporary {@code 4.4.7} (RFC 3463: delivery time expired), as Postfix reports it.
     */
    private static String status(QueuedRecipient recipient, Action action) {
        String status = recipient.getStatus();
        if (status == null || status.isEmpty()) {
            return (action == Action.FAILED ? "5" : "4") + ".0.0";
        }
        return status;
    }

    private static String humanText(String reportingMta, QueuedMessage entry, List<QueuedRecipient> recipients,
                                    Action action, Instant retryUntil) {
        StringBuilder text = new StringBuilder();
        text.append("This is the mail system at ").append(reportingMta).append(".\r\n\r\n");
        if (action == Action.FAILED) {
            text.append("Your message could not be delivered to the following recipients, and will not be retried:\r\n\r\n");
        } else {
            text.append("Your message has not been delivered yet to the following recipients. It will be retried until ")
                    .append(DATE_TIME.format(retryUntil)).append("; you need not send it again.\r\n\r\n");
        }
        for (QueuedRecipient recipient : recipients) {
            text.append("<").append(recipient.getAddress()).append(">: ")
                    .append(recipient.getDiagnostic() == null ? "no details" : recipient.getDiagnostic()).append("\r\n");
        }
        text.append("\r\nThe headers of your message are attached (queue id ").append(entry.getDeliveryId()).append(").\r\n");
        return text.toString();
    }

    /** The header section of a message: everything up to and including the empty line, or all of it. */
    static byte[] headerSection(byte[] message) {
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                return Arrays.copyOf(message, i + 2);
            }
        }
        return message;
    }

    private static boolean isAscii(byte[] content) {
        for (byte octet : content) {
            if (octet < 0) {
                return false;
            }
        }
        return true;
    }
}
