package org.posthorn.connector.imap.decode;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable run of octets as the client sent them: the content of a string whose charset only the
 * command knows (a SEARCH string under {@code CHARSET}, RFC 3501 §6.4.4) or that is no text at all (an
 * APPEND message, which may hold any octet). Equal when the octets are.
 */
public final class Octets {

    private static final int SHOWN = 200;

    private final byte[] octets;

    private Octets(byte[] octets) {
        this.octets = octets;
    }

    /** A copy of {@code octets}. */
    public static Octets copyOf(byte[] octets) {
        return new Octets(octets.clone());
    }

    /** The UTF-8 encoding of {@code text}. */
    public static Octets utf8(String text) {
        return new Octets(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Takes {@code octets} over without copying: the caller must not keep or change them. */
    static Octets wrap(byte[] octets) {
        return new Octets(octets);
    }

    public int length() {
        return octets.length;
    }

    /** The octet at {@code index}, 0 to 255. */
    public int get(int index) {
        return octets[index] & 0xff;
    }

    /** A copy of the octets. */
    public byte[] toByteArray() {
        return octets.clone();
    }

    /** The octets as a stream, without copying them. */
    public InputStream newInputStream() {
        return new ByteArrayInputStream(octets);
    }

    /** The octets decoded with {@code charset}, malformed input replaced. */
    public String decode(Charset charset) {
        return new String(octets, charset);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Octets o && Arrays.equals(octets, o.octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }

    /**
     * Short printable ASCII as a quoted string, anything else by its length only: log lines must not
     * carry message content or control characters.
     */
    @Override
    public String toString() {
        if (octets.length > SHOWN) {
            return "<" + octets.length + " octets>";
        }
        StringBuilder out = new StringBuilder(octets.length + 2).append('"');
        for (byte b : octets) {
            if (b < 0x20 || b == 0x7f) {
                return "<" + octets.length + " octets>";
            }
            if (b == '"' || b == '\\') {
                out.append('\\');
            }
            out.append((char) b);
        }
        return out.append('"').toString();
    }
}
