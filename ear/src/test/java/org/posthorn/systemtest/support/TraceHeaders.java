package org.posthorn.systemtest.support;

import java.nio.charset.StandardCharsets;

/** Splits the trace header fields the MDA prepends (Return-Path, Received) from a stored message. */
public final class TraceHeaders {

    private TraceHeaders() {
    }

    /** The message without the leading Return-Path: and Received: fields (with their folded lines). */
    public static byte[] strip(byte[] stored) {
        int position = 0;
        while (startsWithField(stored, position, "Return-Path:") || startsWithField(stored, position, "Received:")) {
            position = endOfField(stored, position);
        }
        return java.util.Arrays.copyOfRange(stored, position, stored.length);
    }

    /** The leading trace fields as text. */
    public static String of(byte[] stored) {
        return new String(stored, 0, stored.length - strip(stored).length, StandardCharsets.UTF_8);
    }

    private static boolean startsWithField(byte[] bytes, int position, String name) {
        if (position + name.length() > bytes.length) {
            return false;
        }
        return new String(bytes, position, name.length(), StandardCharsets.US_ASCII).equalsIgnoreCase(name);
    }

    /** The position after the field's last line, following folded continuation lines. */
    private static int endOfField(byte[] bytes, int position) {
        int i = position;
        while (i < bytes.length) {
            if (bytes[i] == '\n' && (i + 1 >= bytes.length || (bytes[i + 1] != ' ' && bytes[i + 1] != '\t'))) {
                return i + 1;
            }
            i++;
        }
        return bytes.length;
    }
}
