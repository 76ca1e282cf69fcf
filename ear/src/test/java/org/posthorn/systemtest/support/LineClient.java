package org.posthorn.systemtest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A raw socket client for line protocols (SMTP, POP3): exact bytes out, CRLF-terminated lines in, with
 * a read timeout so a test can never hang on a silent server.
 */
public class LineClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public LineClient(int port) {
        try {
            socket = new Socket();
            // Like real MTAs: without it, Nagle holds back the final "." behind the message body.
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the text and CRLF. */
    public void send(String line) {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one line without its CRLF; null at end of stream. */
    public String readLine() {
        byte[] bytes = readLineBytes();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads one line's bytes without the CRLF; null at end of stream. */
    public byte[] readLineBytes() {
        try {
            var line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return java.util.Arrays.copyOf(bytes, length);
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a whole SMTP reply (continuation lines {@code 250-...}) and returns its last line. */
    public String readSmtpReply() {
        String line;
        do {
            line = readLine();
            if (line == null) {
                throw new AssertionError("connection closed while waiting for a reply");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
