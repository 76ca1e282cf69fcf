package org.posthorn.ejb.relay;

import static org.posthorn.ejb.relay.SmtpPeerLines.path;
import static org.posthorn.ejb.relay.SmtpPeerLines.readData;
import static org.posthorn.ejb.relay.SmtpPeerLines.readLine;
import static org.posthorn.ejb.relay.SmtpPeerLines.reply;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A remote SMTP server for the relay's tests, on a loopback address: answers as told (greeting,
 * {@code MAIL}, per-recipient {@code RCPT}, end of data) and records every message it accepted.
 * One thread per connection; plain text only.
 */
public final class SmtpPeer implements AutoCloseable {

    /** A message this peer accepted ({@code 250} after the data). */
    public record Received(String sender, List<String> recipients, byte[] data) {

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    private volatile String greeting = "220 peer.test ESMTP";
    private volatile String mailReply = "250 2.1.0 Ok";
    private volatile String dataReply = "250 2.0.0 Ok: queued";
    /** {@code login NUL password} that AUTH PLAIN must present; null: AUTH is not offered. */
    private volatile String credentials;
    private final List<String> logins = new CopyOnWriteArrayList<>();

    /** Listens on {@code address}, port {@code port} (0: any free one). */
    public SmtpPeer(InetAddress address, int port) {
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ":" + port, e);
        }
        acceptor = new Thread(this::acceptLoop, "smtp-peer-" + address.getHostAddress());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public SmtpPeer greeting(String reply) {
        greeting = reply;
        return this;
    }

    public SmtpPeer mailReply(String reply) {
        mailReply = reply;
        return this;
    }

    /** The reply to the end of the message data. */
    public SmtpPeer dataReply(String reply) {
        dataReply = reply;
        return this;
    }

    /** Offers AUTH PLAIN (RFC 4616) and takes only this login and password, as a smarthost would. */
    public SmtpPeer requireLogin(String login, String password) {
        credentials = login + "\0" + password;
        return this;
    }

    /** The logins of successful AUTH commands, in order. */
    public List<String> logins() {
        return List.copyOf(logins);
    }

    /** The reply to {@code RCPT TO:<address>} (lower case); others get {@code 250}. */
    public SmtpPeer rcptReply(String address, String reply) {
        rcptReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread session = new Thread(() -> serve(socket), "smtp-peer-session");
                session.setDaemon(true);
                session.start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            reply(out, greeting);
            if (!greeting.startsWith("2")) {
                return;
            }
            String sender = null;
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-peer.test\r\n250-8BITMIME\r\n" + (credentials == null ? "" : "250-AUTH PLAIN\r\n")
                            + "250 ENHANCEDSTATUSCODES");
                } else if (upper.startsWith("AUTH PLAIN") && credentials != null) {
                    String response = line.length() > 11 ? line.substring(11).strip() : null;
                    if (response == null) {
                        reply(out, "334 ");
                        response = readLine(in);
                    }
                    String presented = new String(java.util.Base64.getDecoder().decode(response), StandardCharsets.UTF_8);
                    boolean ok = presented.endsWith("\0" + credentials);
                    if (ok) {
                        logins.add(credentials.substring(0, credentials.indexOf('\0')));
                    }
                    reply(out, ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
                } else if (upper.startsWith("MAIL FROM:") && credentials != null && logins.isEmpty()) {
                    reply(out, "530 5.7.0 Authentication required");
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 peer.test");
                } else if (upper.startsWith("MAIL FROM:")) {
                    reply(out, mailReply);
                    if (mailReply.startsWith("2")) {
                        sender = path(line.substring(10));
                        recipients.clear();
                    }
                } else if (upper.startsWith("RCPT TO:")) {
                    String recipient = path(line.substring(8));
                    String answer = rcptReplies.getOrDefault(recipient.toLowerCase(Locale.ROOT), "250 2.1.5 Ok");
                    reply(out, answer);
                    if (answer.startsWith("2")) {
                        recipients.add(recipient);
                    }
                } else if (upper.equals("DATA")) {
                    if (recipients.isEmpty()) {
                        reply(out, "503 5.5.1 No recipients");
                        continue;
                    }
                    reply(out, "354 Go ahead");
                    byte[] data = readData(in);
                    String answer = dataReply;
                    // Recorded before the answer goes out: a client that heard 250 finds the message here.
                    if (answer.startsWith("2")) {
                        received.add(new Received(sender, List.copyOf(recipients), data));
                    }
                    reply(out, answer);
                    sender = null;
                    recipients.clear();
                } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                    sender = null;
                    recipients.clear();
                    reply(out, "250 2.0.0 Ok");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.1 Not implemented");
                }
            }
        } catch (IOException gone) {
            // The client went away: nothing to record.
        }
    }
}
