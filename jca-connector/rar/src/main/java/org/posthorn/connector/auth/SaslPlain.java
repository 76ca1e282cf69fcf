package org.posthorn.connector.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The message of the SASL PLAIN mechanism (RFC 4616 §2):
 * {@code message = [authzid] UTF8NUL authcid UTF8NUL passwd}, each part at most 255 octets of
 * UTF-8 without NUL, authcid and passwd not empty.
 *
 * @param authorizationId the identity to act as; empty when the client wants its own
 * @param login           the authentication identity (authcid)
 * @param password        the password
 */
public record SaslPlain(String authorizationId, String login, String password) {

    private static final int MAX_PART_OCTETS = 255;

    public SaslPlain {
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
    }

    /** The message, or empty if it is not one. */
    public static Optional<SaslPlain> parse(byte[] message) {
        int first = indexOfNul(message, 0);
        int second = first < 0 ? -1 : indexOfNul(message, first + 1);
        if (second < 0 || indexOfNul(message, second + 1) >= 0) {
            return Optional.empty();
        }
        Optional<String> authzid = utf8(message, 0, first);
        Optional<String> authcid = utf8(message, first + 1, second);
        Optional<String> passwd = utf8(message, second + 1, message.length);
        if (authzid.isEmpty() || authcid.isEmpty() || passwd.isEmpty()
                || authcid.get().isEmpty() || passwd.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SaslPlain(authzid.get(), authcid.get(), passwd.get()));
    }

    /** Whether the client asks to act as someone else than the identity it authenticates as. */
    public boolean actsForAnother() {
        return !authorizationId.isEmpty() && !authorizationId.equals(login);
    }

    @Override
    public String toString() {
        return "SaslPlain[authorizationId=" + authorizationId + ", login=" + login + "]";
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> utf8(byte[] bytes, int from, int to) {
        if (to - from > MAX_PART_OCTETS) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            // RFC 4616 §2 requires UTF-8; anything else is a malformed message, reported as a value.
            return Optional.empty();
        }
    }
}
