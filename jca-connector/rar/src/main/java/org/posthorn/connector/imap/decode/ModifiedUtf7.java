package org.posthorn.connector.imap.decode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Mailbox names in modified UTF-7 (RFC 3501 §5.1.3): printable US-ASCII stands for itself except
 * {@code &}, written {@code &-}; other characters are UTF-16 in modified BASE64 ({@code ,} for
 * {@code /}, no padding) between {@code &} and {@code -}.
 *
 * <p>Decoding is strict: a name decodes only if it is the one encoding of its text, which RFC 3501
 * implies by forbidding BASE64 for printable ASCII. So there are no two names for one mailbox:
 * unterminated shifts, bits left over, odd octets, unpaired surrogates, encoded printable ASCII and
 * two shifts in a row (which one shift would write) are all refused.
 */
public final class ModifiedUtf7 {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private ModifiedUtf7() {
    }

    /**
     * The modified UTF-7 form of {@code name}.
     *
     * @throws IllegalArgumentException if {@code name} holds an unpaired surrogate
     */
    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int shifted = -1;
        for (int i = 0; i <= name.length(); i++) {
            boolean printable = i == name.length() || isPrintable(name.charAt(i));
            if (printable && shifted >= 0) {
                out.append('&').append(base64(name.substring(shifted, i))).append('-');
                shifted = -1;
            }
            if (i == name.length()) {
                break;
            }
            char c = name.charAt(i);
            if (Character.isSurrogate(c) && !pairedAt(name, i)) {
                throw new IllegalArgumentException("unpaired surrogate at " + i);
            }
            if (!printable) {
                shifted = shifted < 0 ? i : shifted;
            } else {
                out.append(c == '&' ? "&-" : String.valueOf(c));
            }
        }
        return out.toString();
    }

    /** The text of a modified UTF-7 name, or empty if {@code name} is not valid modified UTF-7. */
    public static Optional<String> decode(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (!isPrintable(c)) {
                return Optional.empty();
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int dash = name.indexOf('-', i + 1);
            if (dash < 0) {
                return Optional.empty();
            }
            if (dash == i + 1) {
                out.append('&');
            } else {
                Optional<String> run = unbase64(name.substring(i + 1, dash));
                if (run.isEmpty()) {
                    return Optional.empty();
                }
                out.append(run.get());
            }
            i = dash + 1;
        }
        String text = out.toString();
        // The canonical-form check: catches encoded ASCII, adjacent shifts and non-zero spare bits;
        // an unpaired surrogate was decoded as U+FFFD, which encodes differently.
        return encode(text).equals(name) ? Optional.of(text) : Optional.empty();
    }

    private static boolean isPrintable(char c) {
        return c >= 0x20 && c <= 0x7e;
    }

    /** Whether the surrogate at {@code i} is half of a well-formed pair. */
    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String base64(String run) {
        return ENCODER.encodeToString(run.getBytes(StandardCharsets.UTF_16BE)).replace('/', ',');
    }

    /** The UTF-16 text of one modified BASE64 run, or empty if it is none. */
    private static Optional<String> unbase64(String run) {
        if (run.length() % 4 == 1 || !run.chars().allMatch(ModifiedUtf7::isBase64Char)) {
            return Optional.empty();
        }
        byte[] octets = DECODER.decode(run.replace(',', '/'));
        if (octets.length % 2 != 0) {
            return Optional.empty();
        }
        return Optional.of(StandardCharsets.UTF_16BE.decode(ByteBuffer.wrap(octets)).toString());
    }

    private static boolean isBase64Char(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == ',';
    }
}
