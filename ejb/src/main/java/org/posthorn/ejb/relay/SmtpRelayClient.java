package org.posthorn.ejb.relay;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Hands one message to one domain's servers with Angus Mail's {@link SMTPTransport}: one connection
 * carries all the domain's recipients (RFC 5321 §3.3), and each recipient gets its own result.
 *
 * <ul>
 *   <li>The hops are tried in order while there are recipients left to decide: a connection that fails,
 *       a greeting or {@code EHLO} that is refused, and a {@code 4xx} to {@code MAIL} or to the
 *       message move on to the next hop (RFC 5321 §5.1); a {@code 5xx} there fails every recipient
 *       still open.</li>
 *   <li>{@code RCPT} answers are per recipient ({@code mail.smtp.sendpartial}): {@code 4xx} is tried
 *       again later, {@code 5xx} fails that recipient, and the message still goes to the others.</li>
 *   <li>Recipients left open after the last hop are tried again later, with the last trouble as the
 *       reason.</li>
 *   <li>STARTTLS (RFC 3207) when the server offers it ({@code opportunistic}: certificates are not
 *       checked, RFC 7435 §1), always ({@code required}), or never ({@code none}).</li>
 *   <li>The octets go out exactly as queued (dot-stuffed by the transport); {@code BODY=8BITMIME}
 *       when they have 8-bit octets and the server takes them (RFC 6152).</li>
 * </ul>
 * Blocks for network I/O; never call it inside a transaction.
 */
public final class SmtpRelayClient {

    private static final Logger LOG = Logger.getLogger(SmtpRelayClient.class.getName());
    private static final Pattern ENHANCED = Pattern.compile("^\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    /** {@code posthorn.relay.tls}. */
    public enum Tls {
        OPPORTUNISTIC,
        REQUIRED,
        NONE
    }

    /**
     * @param heloName our name in {@code EHLO}
     * @param timeout  for connecting and for each reply
     * @param login    user and password for AUTH at a smarthost; empty for none
     */
    public record Options(String heloName, Duration timeout, Tls tls, Optional<Login> login) {
    }

    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[" + user + "]";
        }
    }

    private final Options options;

    public SmtpRelayClient(Options options) {
        this.options = options;
    }

    /**
     * Delivers {@code message} to {@code recipients}, all of one domain.
     *
     * @param sender the reverse-path, empty for {@code <>}
     * @return one result per recipient, in the order given
     */
    public List<RecipientResult> send(List<Hop> hops, Optional<String> sender, List<String> recipients, byte[] message) {
        Map<String, RecipientResult> decided = new HashMap<>();
        List<String> open = new ArrayList<>(recipients);
        String trouble = "no server to try";
        String lastHost = null;
        for (Hop hop : hops) {
            if (open.isEmpty()) {
                break;
            }
            HopResult result = attempt(hop, sender, open, message);
            result.decided().forEach(decided::put);
            open.removeAll(result.decided().keySet());
            trouble = result.trouble();
            lastHost = hop.host();
        }
        String finalTrouble = trouble;
        String remote = lastHost;
        List<RecipientResult> results = new ArrayList<>();
        for (String recipient : recipients) {
            results.add(decided.getOrDefault(recipient,
                    new RecipientResult(recipient, RecipientResult.Kind.DEFERRED, statusOf(finalTrouble, 4, "4.4.1"),
                            finalTrouble, remote)));
        }
        return results;
    }

    /** What one hop decided, and why the rest is still open. */
    private record HopResult(Map<String, RecipientResult> decided, String trouble) {
    }

    private HopResult attempt(Hop hop, Optional<String> sender, List<String> open, byte[] message) {
        Session session = Session.getInstance(properties());
        SMTPTransport transport;
        try {
            transport = (SMTPTransport) session.getTransport("smtp");
            transport.connect(hop.address().getHostAddress(), hop.port(),
                    options.login().map(Login::user).orElse(null), options.login().map(Login::password).orElse(null));
        } catch (MessagingException e) {
            LOG.fine(() -> "relay: cannot use " + hop + ": " + describe(e));
            return new HopResult(Map.of(), hop + ": " + describe(e));
        }
        try {
            RawMessage raw = new RawMessage(session, message, sender);
            if (has8Bit(message) && transport.supportsExtension("8BITMIME")) {
                raw.setMailExtension("BODY=8BITMIME");
            }
            transport.sendMessage(raw, addresses(open));
            return new HopResult(all(open, RecipientResult.Kind.DELIVERED, transport.getLastServerResponse(), hop),
                    "delivered");
        } catch (SendFailedException e) {
            return classify(e, open, hop);
        } catch (MessagingException e) {
            // The connection broke in the middle: nothing is known to be delivered.
            LOG.fine(() -> "relay: " + hop + " failed: " + describe(e));
            return new HopResult(Map.of(), hop + ": " + describe(e));
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "relay: closing the connection to " + hop + " failed: " + describe(e));
            }
        }
    }

    private HopResult classify(SendFailedException failure, List<String> open, Hop hop) {
        Set<String> sent = names(failure.getValidSentAddresses());
        Map<String, SMTPAddressFailedException> refused = new HashMap<>();
        for (Exception next = failure; next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException address) {
                refused.put(address.getAddress().getAddress(), address);
            }
        }
        // The answer to MAIL or to the message itself, which concerns everyone it did not single out.
        Optional<SMTPSendFailedException> whole = failure instanceof SMTPSendFailedException s && s.getReturnCode() >= 400
                ? Optional.of(s) : Optional.empty();
        Map<String, RecipientResult> decided = new LinkedHashMap<>();
        String trouble = "no answer";
        for (String recipient : open) {
            SMTPAddressFailedException address = refused.get(recipient);
            if (sent.contains(recipient)) {
                decided.put(recipient, result(recipient, 250, "250 2.0.0 Ok", hop));
            } else if (address != null) {
                decided.put(recipient, result(recipient, address.getReturnCode(), address.getMessage(), hop));
            } else if (whole.isPresent() && whole.get().getReturnCode() >= 500) {
                decided.put(recipient, result(recipient, whole.get().getReturnCode(), whole.get().getMessage(), hop));
            } else if (whole.isPresent()) {
                trouble = hop + " said " + oneLine(whole.get().getMessage());
            }
        }
        return new HopResult(decided, trouble);
    }

    private static RecipientResult result(String recipient, int code, String reply, Hop hop) {
        RecipientResult.Kind kind = code < 400 ? RecipientResult.Kind.DELIVERED
                : code < 500 ? RecipientResult.Kind.DEFERRED : RecipientResult.Kind.FAILED;
        String text = oneLine(reply);
        return new RecipientResult(recipient, kind, statusOf(text, code / 100, code / 100 + ".0.0"), "smtp; " + text,
                hop.host());
    }

    private static Map<String, RecipientResult> all(List<String> recipients, RecipientResult.Kind kind, String reply, Hop hop) {
        Map<String, RecipientResult> results = new LinkedHashMap<>();
        String text = reply == null ? "250 2.0.0 Ok" : oneLine(reply);
        for (String recipient : recipients) {
            results.put(recipient, new RecipientResult(recipient, kind, statusOf(text, 2, "2.0.0"), "smtp; " + text,
                    hop.host()));
        }
        return results;
    }

    /** The enhanced status code at the start of a reply (RFC 2034 §4), if it has one of the right class. */
    static String statusOf(String reply, int replyClass, String fallback) {
        Matcher matcher = ENHANCED.matcher(reply);
        return matcher.find() && matcher.group(1).charAt(0) - '0' == replyClass ? matcher.group(1) : fallback;
    }

    private Properties properties() {
        Properties properties = new Properties();
        String millis = Long.toString(options.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.smtp.localhost", options.heloName());
        properties.setProperty("mail.smtp.sendpartial", "true");
        properties.setProperty("mail.smtp.quitwait", "false");
        boolean credentials = options.login().isPresent();
        boolean encrypt = options.tls() != Tls.NONE;
        properties.setProperty("mail.smtp.auth", Boolean.toString(credentials));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(encrypt));
        if (credentials && encrypt) {
            // A smarthost password goes only to the host meant, over TLS: a stripped STARTTLS or a stranger's
            // certificate must not get it (Postfix's "secure" level for a relay host with SASL).
            properties.setProperty("mail.smtp.starttls.required", "true");
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            return properties;
        }
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(options.tls() == Tls.REQUIRED));
        // Opportunistic TLS (RFC 7435): encrypt whatever the certificate says; a check would only fall back to clear text.
        properties.setProperty("mail.smtp.ssl.trust", "*");
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        return properties;
    }

    private static Address[] addresses(List<String> recipients) {
        Address[] addresses = new Address[recipients.size()];
        for (int i = 0; i < addresses.length; i++) {
            InternetAddress address = new InternetAddress();
            // Set, not parsed: the address was checked on the way in, and RFC 822 parsing would reject some.
            address.setAddress(recipients.get(i));
            addresses[i] = address;
        }
        return addresses;
    }

    private static Set<String> names(Address[] addresses) {
        if (addresses == null) {
            return Set.of();
        }
        return java.util.Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).collect(Collectors.toSet());
    }

    private static boolean has8Bit(byte[] message) {
        for (byte octet : message) {
            if (octet < 0) {
                return true;
            }
        }
        return false;
    }

    private static String describe(MessagingException e) {
        Exception cause = e.getNextException();
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return oneLine(cause == null ? text : text + " (" + cause + ")");
    }

    /** A reply or error message on one line, at most 500 characters, for the queue row and the DSN. */
    private static String oneLine(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() > 500 ? line.substring(0, 500) : line;
    }

    /** The queued octets as they are, with the envelope sender; never parsed or re-encoded. */
    private static final class RawMessage extends SMTPMessage {

        private final byte[] octets;

        RawMessage(Session session, byte[] octets, Optional<String> sender) {
            super(session);
            this.octets = octets;
            setEnvelopeFrom(sender.map(address -> "<" + address + ">").orElse("<>"));
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
            out.write(octets);
        }
    }
}
