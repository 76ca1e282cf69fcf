package org.posthorn.ejb.mta;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;

/**
 * Ids for accepted messages, for the {@code 250} reply, the {@code Received:} header's {@code id}
 * clause (an RFC 5321 {@code Atom}) and the logs: the time in base 36 and random letters, unique
 * without coordination between cluster nodes.
 */
final class DeliveryIds {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int RANDOM_LENGTH = 8;

    private DeliveryIds() {
    }

    static String next(Instant now) {
        StringBuilder id = new StringBuilder(Long.toString(now.toEpochMilli(), 36).toUpperCase(Locale.ROOT));
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
