package org.posthorn.ejb.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The server side of an SMTP dialogue at its plainest, for the test peers: replies, lines, paths, DATA. */
public final class SmtpPeerLines {

    private SmtpPeerLines() {
    }

    /** The address inside {@code <...>} of a MAIL or RCPT argument, or the text itself. */
    public static String path(String text) {
        String t = text.strip();
        int end = t.indexOf('>');
        return t.startsWith("<") && end > 0 ? t.substring(1, end) : t;
    }

    public static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line without its CRLF (or bare LF), or null at the end of the stream. */
    public static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(c);
        }
        return null;
    }

    /** Reads up to the line with a lone dot and undoes the dot-stuffing (RFC 5321 §4.5.2). */
    public static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            data.write((line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
            data.write('\r');
            data.write('\n');
        }
        return data.toByteArray();
    }
}
