package org.posthorn.systemtest.support;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A remote SMTP server that offers STARTTLS (RFC 3207) with a self-signed certificate for a name that
 * is not the one the relay dials, accepts every message and records whether it came over TLS. The
 * certificate is made with the JDK's {@code keytool} in {@code directory}.
 */
public final class StartTlsPeer implements AutoCloseable {

    /** A message this peer accepted; {@code tlsProtocol} is null when it came in clear text. */
    public record Received(String sender, List<String> recipients, String tlsProtocol, byte[] data) {

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final SSLContext tls;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> handshakes = new CopyOnWriteArrayList<>();

    public StartTlsPeer(InetAddress address, int port, Path directory) {
        tls = selfSigned(directory, "not-the-mx.example");
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ":" + port, e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "starttls-peer-" + address.getHostAddress());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The protocol of each completed TLS handshake, or the failure, in order. */
    public List<String> handshakes() {
        return List.copyOf(handshakes);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SSLContext selfSigned(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Path store = directory.resolve("starttls-peer.p12");
            Files.deleteIfExists(store);
            char[] password = "peer-secret".toCharArray();
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "peer", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(password), "-keypass", new String(password))
                    .redirectErrorStream(true).start();
            byte[] output = keytool.getInputStream().readAllBytes();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "starttls-peer-session");
                session.setDaemon(true);
                session.start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void serve(Socket plain) {
        Socket socket = plain;
        try {
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            reply(out, "220 peer.test ESMTP");
            String protocol = null;
            String sender = null;
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-peer.test\r\n" + (protocol == null ? "250-STARTTLS\r\n" : "") + "250 8BITMIME");
                } else if (upper.equals("STARTTLS") && protocol == null) {
                    reply(out, "220 2.0.0 Ready to start TLS");
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), false);
                    secure.setUseClientMode(false);
                    try {
                        secure.startHandshake();
                    } catch (IOException e) {
                        handshakes.add("failed: " + e);
                        return;
                    }
                    protocol = secure.getSession().getProtocol();
                    handshakes.add(protocol);
                    socket = secure;
                    in = new BufferedInputStream(secure.getInputStream());
                    out = secure.getOutputStream();
                    sender = null;
                    recipients.clear();
                } else if (upper.startsWith("MAIL FROM:")) {
                    sender = path(line.substring(10));
                    recipients.clear();
                    reply(out, "250 2.1.0 Ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    recipients.add(path(line.substring(8)));
                    reply(out, "250 2.1.5 Ok");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 Go ahead");
                    received.add(new Received(sender, List.copyOf(recipients), protocol, readData(in)));
                    reply(out, "250 2.0.0 Ok: queued");
                } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                    reply(out, "250 2.0.0 Ok");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.1 Not implemented");
                }
            }
        } catch (IOException gone) {
            // The client went away.
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
