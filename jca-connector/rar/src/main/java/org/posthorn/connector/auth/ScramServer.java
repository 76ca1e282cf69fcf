package org.posthorn.connector.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.posthorn.spi.auth.ScramCredentials;

/**
 * The server's side of one SCRAM-SHA-256 exchange (RFC 5802 §5, RFC 7677), as a state machine without
 * I/O: the protocol feeds it the client's decoded responses and does what each {@link Step} says.
 *
 * <pre>
 *   client-first  → NeedCredentials(login)   (or Malformed, ForeignIdentity)
 *   credentials() → Challenge(server-first)  (real keys, or a decoy for an unknown login)
 *   client-final  → Challenge(server-final)  (or Malformed, WrongProof)
 *   empty         → Authenticated            (the client accepted the server's signature)
 * </pre>
 *
 * <p>The proof is compared in constant time ({@link MessageDigest#isEqual}); a decoy costs the same
 * work and always fails. Malformed, ForeignIdentity and WrongProof end the exchange. One instance per
 * exchange; not thread-safe (a connection's event loop drives it).
 */
public final class ScramServer {

    public static final String MECHANISM = "SCRAM-SHA-256";

    private static final String HMAC = "HmacSHA256";

    private enum Stage { CLIENT_FIRST, CREDENTIALS, CLIENT_FINAL, ACKNOWLEDGEMENT, OVER }

    /** What the protocol does next. */
    public sealed interface Step {
        /** Send {@code message} as the next challenge and feed the client's answer back in. */
        record Challenge(byte[] message) implements Step {
        }

        /** Look up the keys of {@code login} (SPI) and hand them to {@link #credentials}. */
        record NeedCredentials(String login) implements Step {
        }

        /** Not SCRAM as RFC 5802 §7 writes it: a protocol error, with a reason for the client. */
        record Malformed(String reason) implements Step {
        }

        /** {@code a=} names someone else than {@code login}: no proxy logins, refused like a wrong password. */
        record ForeignIdentity(String login) implements Step {
        }

        /** The proof is wrong (or the login unknown): a failed login. */
        record WrongProof(String login) implements Step {
        }

        /** Done: the client proved the password of {@code account} and accepted the server's signature. */
        record Authenticated(String login, String account) implements Step {
        }
    }

    private final ScramDecoys decoys;
    private final String serverNonce;
    private Stage stage = Stage.CLIENT_FIRST;
    private ScramMessages.ClientFirst clientFirst;
    private ScramCredentials credentials;
    private boolean decoy;
    private String serverFirst;

    /** @param serverNonce fresh from a secure random source for every exchange */
    ScramServer(ScramDecoys decoys, String serverNonce) {
        this.decoys = Objects.requireNonNull(decoys, "decoys");
        this.serverNonce = Objects.requireNonNull(serverNonce, "serverNonce");
    }

    /** Takes the client's next (base64-decoded) response. */
    public Step receive(byte[] response) {
        return switch (stage) {
            case CLIENT_FIRST -> clientFirst(response);
            case CLIENT_FINAL -> clientFinal(response);
            case ACKNOWLEDGEMENT -> acknowledgement(response);
            case CREDENTIALS, OVER -> throw new IllegalStateException("no response expected now: " + stage);
        };
    }

    /** The server-first message, with {@code found} or, if there are none, a decoy. */
    public Step.Challenge credentials(Optional<ScramCredentials> found) {
        if (stage != Stage.CREDENTIALS) {
            throw new IllegalStateException("credentials not asked for: " + stage);
        }
        decoy = found.isEmpty();
        credentials = found.orElseGet(() -> decoys.forLogin(clientFirst.username()));
        serverFirst = "r=" + clientFirst.clientNonce() + serverNonce
                + ",s=" + Base64.getEncoder().encodeToString(credentials.salt())
                + ",i=" + credentials.iterations();
        stage = Stage.CLIENT_FINAL;
        return challenge(serverFirst);
    }

    private Step clientFirst(byte[] response) {
        ScramMessages.Parse<ScramMessages.ClientFirst> parsed = ScramMessages.clientFirst(response);
        if (parsed instanceof ScramMessages.Parse.Invalid<ScramMessages.ClientFirst> invalid) {
            return end(new Step.Malformed(invalid.reason()));
        }
        clientFirst = ((ScramMessages.Parse.Ok<ScramMessages.ClientFirst>) parsed).message();
        if (clientFirst.authzid().isPresent() && !clientFirst.authzid().get().equals(clientFirst.username())) {
            return end(new Step.ForeignIdentity(clientFirst.username()));
        }
        stage = Stage.CREDENTIALS;
        return new Step.NeedCredentials(clientFirst.username());
    }

    private Step clientFinal(byte[] response) {
        ScramMessages.Parse<ScramMessages.ClientFinal> parsed = ScramMessages.clientFinal(response);
        if (parsed instanceof ScramMessages.Parse.Invalid<ScramMessages.ClientFinal> invalid) {
            return end(new Step.Malformed(invalid.reason()));
        }
        ScramMessages.ClientFinal clientFinal = ((ScramMessages.Parse.Ok<ScramMessages.ClientFinal>) parsed).message();
        // RFC 5802 §5.1: without channel binding, c= repeats the GS2 header exactly.
        if (!MessageDigest.isEqual(clientFinal.channelBinding(), clientFirst.gs2Header().getBytes(StandardCharsets.UTF_8))) {
            return end(new Step.Malformed("channel binding data does not match the GS2 header"));
        }
        if (!clientFinal.nonce().equals(clientFirst.clientNonce() + serverNonce)) {
            return end(new Step.Malformed("wrong nonce"));
        }
        if (clientFinal.proof().length != ScramCredentials.KEY_OCTETS) {
            return end(new Step.Malformed("wrong proof length"));
        }
        byte[] authMessage = (clientFirst.bare() + "," + serverFirst + "," + clientFinal.withoutProof())
                .getBytes(StandardCharsets.UTF_8);
        boolean proven = proofMatches(clientFinal.proof(), authMessage);
        if (!proven || decoy) {
            return end(new Step.WrongProof(clientFirst.username()));
        }
        stage = Stage.ACKNOWLEDGEMENT;
        byte[] serverSignature = hmac(credentials.serverKey(), authMessage);
        return challenge("v=" + Base64.getEncoder().encodeToString(serverSignature));
    }

    /** RFC 4954 §4, RFC 3501 §6.2.2, RFC 5034 §4: after the server's last challenge the client answers empty. */
    private Step acknowledgement(byte[] response) {
        if (response.length != 0) {
            return end(new Step.Malformed("expected an empty response"));
        }
        stage = Stage.OVER;
        return new Step.Authenticated(clientFirst.username(), credentials.account());
    }

    /** {@code H(ClientProof XOR HMAC(StoredKey, AuthMessage)) == StoredKey} (RFC 5802 §3), in constant time. */
    private boolean proofMatches(byte[] proof, byte[] authMessage) {
        byte[] clientSignature = hmac(credentials.storedKey(), authMessage);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        return MessageDigest.isEqual(sha256(clientKey), credentials.storedKey());
    }

    private Step end(Step step) {
        stage = Stage.OVER;
        return step;
    }

    private static Step.Challenge challenge(String message) {
        return new Step.Challenge(message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + HMAC, e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
