package org.posthorn.connector.conversation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Java-style escapes for raw bytes in test texts: {@code \r}, {@code \n}, {@code \t}, {@code \\} and
 * {@code \xHH} (one octet). Other characters stand for their UTF-8 encoding.
 */
public final class Escapes {

    private Escapes() {
    }

    /**
     * The octets {@code text} stands for.
     *
     * @throws IllegalArgumentException on an unknown or incomplete escape
     */
    public static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\') {
                int cp = text.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new IllegalArgumentException("dangling backslash at the end of: " + text);
            }
            char e = text.charAt(i + 1);
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    if (i + 4 > text.length()) {
                        throw new IllegalArgumentException("\\x needs two hex digits in: " + text);
                    }
                    out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in: " + text);
            }
            i += 2;
        }
        return out.toByteArray();
    }

    /** The opposite, for messages: octets outside printable ASCII as escapes. */
    public static String escape(byte[] octets) {
        StringBuilder out = new StringBuilder(octets.length);
        for (byte b : octets) {
            int v = b & 0xff;
            switch (v) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (v < 0x20 || v >= 0x7f) {
                        out.append(String.format("\\x%02X", v));
                    } else {
                        out.append((char) v);
                    }
                }
            }
        }
        return out.toString();
    }
}
