package org.posthorn.connector.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's two messages of SCRAM (RFC 5802 §7), parsed strictly. The texts the proof is computed
 * over ({@code client-first-message-bare}, {@code client-final-message-without-proof}) are kept exactly
 * as the client sent them, never rebuilt. Channel binding is not offered, so a {@code p=} flag is
 * refused; {@code n} and {@code y} are accepted (RFC 5802 §6: {@code y} only says the client could
 * have bound the channel and thought the server could not, which is true).
 */
final class ScramMessages {

    /** Like a PLAIN login name (RFC 4616 §2): at most 255 octets of UTF-8. */
    static final int MAX_NAME_OCTETS = 255;
    /** Nonces far longer than anyone's 24–32 characters only make the exchange bigger. */
    static final int MAX_NONCE_CHARS = 255;

    private ScramMessages() {
    }

    /** A parse: the message, or why it is not one (the reason may be shown to the client). */
    sealed interface Parse<T> {
        record Ok<T>(T message) implements Parse<T> {
        }

        record Invalid<T>(String reason) implements Parse<T> {
        }
    }

    /**
     * {@code client-first-message = gs2-header client-first-message-bare}.
     *
     * @param gs2Header     {@code "n,,"}, {@code "y,,"}, or either with {@code a=…} in the middle, as sent
     * @param authzid       the identity to act as ({@code a=}, unescaped), when given
     * @param username      {@code n=}, unescaped ({@code =2C} and {@code =3D})
     * @param clientNonce   {@code r=}
     * @param bare          {@code client-first-message-bare}, as sent
     */
    record ClientFirst(String gs2Header, Optional<String> authzid, String username, String clientNonce, String bare) {
        ClientFirst {
            Objects.requireNonNull(authzid, "authzid");
        }
    }

    /**
     * {@code client-final-message}.
     *
     * @param channelBinding the decoded {@code c=}: the GS2 header again, when there is no channel binding
     * @param nonce          {@code r=}: the client's nonce and the server's
     * @param proof          the decoded {@code p=}
     * @param withoutProof   {@code client-final-message-without-proof}, as sent
     */
    record ClientFinal(byte[] channelBinding, String nonce, byte[] proof, String withoutProof) {
    }

    /** RFC 5802 §7 {@code client-first-message}. */
    static Parse<ClientFirst> clientFirst(byte[] octets) {
        Optional<String> text = utf8(octets);
        if (text.isEmpty()) {
            return invalid("not UTF-8 text");
        }
        String message = text.get();
        int flagEnd = message.indexOf(',');
        int authzidEnd = flagEnd < 0 ? -1 : message.indexOf(',', flagEnd + 1);
        if (authzidEnd < 0) {
            return invalid("no GS2 header");
        }
        String flag = message.substring(0, flagEnd);
        if (flag.startsWith("p=")) {
            return invalid("Channel binding is not supported");
        }
        if (!flag.equals("n") && !flag.equals("y")) {
            return invalid("bad channel binding flag");
        }
        String authzidField = message.substring(flagEnd + 1, authzidEnd);
        Optional<String> authzid = Optional.empty();
        if (!authzidField.isEmpty()) {
            authzid = authzidField.startsWith("a=") ? saslName(authzidField.substring(2)) : Optional.empty();
            if (authzid.isEmpty()) {
                return invalid("bad authorization identity");
            }
        }
        String bare = message.substring(authzidEnd + 1);
        String[] fields = bare.split(",", -1);
        if (fields[0].startsWith("m=")) {
            // RFC 5802 §5.1: a mandatory extension this server does not know fails the exchange.
            return invalid("SCRAM extensions are not supported");
        }
        if (fields.length < 2 || !fields[0].startsWith("n=") || !fields[1].startsWith("r=") || !extensions(fields, 2, fields.length)) {
            return invalid("expected n=user,r=nonce");
        }
        Optional<String> username = saslName(fields[0].substring(2));
        if (username.isEmpty() || username.get().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_OCTETS) {
            return invalid("bad user name");
        }
        String nonce = fields[1].substring(2);
        if (!printable(nonce)) {
            return invalid("bad nonce");
        }
        return new Parse.Ok<>(new ClientFirst(message.substring(0, authzidEnd + 1), authzid, username.get(), nonce, bare));
    }

    /** RFC 5802 §7 {@code client-final-message}. */
    static Parse<ClientFinal> clientFinal(byte[] octets) {
        Optional<String> text = utf8(octets);
        if (text.isEmpty()) {
            return invalid("not UTF-8 text");
        }
        String message = text.get();
        String[] fields = message.split(",", -1);
        int last = fields.length - 1;
        if (fields.length < 3 || !fields[0].startsWith("c=") || !fields[1].startsWith("r=") || !fields[last].startsWith("p=")
                || !extensions(fields, 2, last)) {
            return invalid("expected c=binding,r=nonce,p=proof");
        }
        Optional<byte[]> binding = base64(fields[0].substring(2));
        Optional<byte[]> proof = base64(fields[last].substring(2));
        if (binding.isEmpty() || proof.isEmpty()) {
            return invalid("bad base64");
        }
        String withoutProof = message.substring(0, message.length() - fields[last].length() - 1);
        return new Parse.Ok<>(new ClientFinal(binding.get(), fields[1].substring(2), proof.get(), withoutProof));
    }

    /** {@code saslname}: {@code =2C} and {@code =3D} stand for "," and "="; any other "=" is wrong; not empty. */
    static Optional<String> saslName(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                String escape = text.startsWith("=2C", i) ? "," : text.startsWith("=3D", i) ? "=" : null;
                if (escape == null) {
                    return Optional.empty();
                }
                name.append(escape);
                i += 2;
            } else if (c == '\0') {
                return Optional.empty();
            } else {
                name.append(c);
            }
        }
        return Optional.of(name.toString());
    }

    /** {@code printable = %x21-2B / %x2D-7E}, at least one and at most {@link #MAX_NONCE_CHARS}. */
    private static boolean printable(String nonce) {
        if (nonce.isEmpty() || nonce.length() > MAX_NONCE_CHARS) {
            return false;
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ',') {
                return false;
            }
        }
        return true;
    }

    /** {@code extensions = attr-val *("," attr-val)}, {@code attr-val = ALPHA "=" value}: read and ignored. */
    private static boolean extensions(String[] fields, int from, int to) {
        for (int i = from; i < to; i++) {
            String field = fields[i];
            if (field.length() < 3 || field.charAt(1) != '=' || !Character.isLetter(field.charAt(0)) || field.charAt(0) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static Optional<byte[]> base64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException notBase64) {
            // The JDK decoder's only way to say "not base64"; reported to the client as malformed.
            return Optional.empty();
        }
    }

    private static Optional<String> utf8(byte[] octets) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets))
                    .toString();
            return text.indexOf('\0') < 0 ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException notUtf8) {
            // RFC 5802 §7: the messages are UTF-8; anything else is malformed, reported as a value.
            return Optional.empty();
        }
    }

    private static <T> Parse<T> invalid(String reason) {
        return new Parse.Invalid<>(reason);
    }
}
