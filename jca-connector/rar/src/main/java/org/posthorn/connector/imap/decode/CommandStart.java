package org.posthorn.connector.imap.decode;

import java.nio.charset.StandardCharsets;

/**
 * The little the framer reads of a command's first line before parsing: its tag, to name a refusal,
 * and whether the verb is APPEND, whose literal has the message size limit.
 */
final class CommandStart {

    private static final byte[] APPEND = "APPEND".getBytes(StandardCharsets.US_ASCII);

    private CommandStart() {
    }

    /**
     * The tag that begins the first {@code length} octets of {@code text}: {@code tag} characters
     * (RFC 3501 §9) up to a SP; null if there is none, so a refusal never echoes other octets.
     */
    static String tag(byte[] text, int length) {
        int i = 0;
        while (i < length && Chars.isTagChar(text[i] & 0xff)) {
            i++;
        }
        return i > 0 && i < length && text[i] == ' ' ? new String(text, 0, i, StandardCharsets.US_ASCII) : null;
    }

    /** Whether the word after the tag is APPEND, in any case, followed by SP or the end. */
    static boolean isAppend(byte[] text) {
        int verb = indexOf(text, (byte) ' ') + 1;
        int after = verb + APPEND.length;
        if (verb == 0 || after > text.length || (after < text.length && text[after] != ' ')) {
            return false;
        }
        for (int i = 0; i < APPEND.length; i++) {
            if ((text[verb + i] & 0xdf) != APPEND[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] text, byte b) {
        for (int i = 0; i < text.length; i++) {
            if (text[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
