package org.posthorn.web.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user-id and password of an HTTP {@code Authorization: Basic} header (RFC 7617 §2): base64 of
 * {@code user-id ":" password}, decoded as UTF-8 (RFC 7617 §2.1). The user-id ends at the first colon.
 *
 * @param login    the user-id
 * @param password the password
 */
public record BasicCredentials(String login, String password) {

    private static final String SCHEME = "Basic";

    /**
     * The credentials of a header value; empty when it is missing, of another scheme or malformed.
     * The value is whatever the client sent.
     */
    public static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || authorization.charAt(SCHEME.length()) != ' ') {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(SCHEME.length() + 1).trim());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(text.substring(0, colon), text.substring(colon + 1)));
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "BasicCredentials[login=" + login + "]";
    }
}
