package org.posthorn.connector.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import org.posthorn.settings.Settings;

/**
 * Makes a {@link ScramServer} for each SCRAM-SHA-256 exchange, with what all exchanges of the adapter
 * share: the {@link ScramDecoys} and the source of server nonces (RFC 5802 §5.1: fresh and
 * unpredictable: 18 octets from {@link SecureRandom}, base64, so never a comma). One per resource
 * adapter, used by every listener that offers SCRAM; thread-safe.
 */
public final class ScramServers {

    private static final int NONCE_OCTETS = 18;

    private final ScramDecoys decoys;
    private final Supplier<String> serverNonces;

    /** @param serverNonces a fixed nonce only in tests that replay a recorded exchange (RFC 7677 §3) */
    public ScramServers(ScramDecoys decoys, Supplier<String> serverNonces) {
        this.decoys = Objects.requireNonNull(decoys, "decoys");
        this.serverNonces = Objects.requireNonNull(serverNonces, "serverNonces");
    }

    /** Decoys under the secret in the data directory, random nonces. */
    public static ScramServers fromSettings() {
        return new ScramServers(ScramDecoys.keptIn(Settings.dataDirectory()), randomNonces());
    }

    /** Decoys that last as long as this instance, random nonces: for tests. */
    public static ScramServers ephemeral() {
        return new ScramServers(ScramDecoys.ephemeral(), randomNonces());
    }

    public ScramServer newExchange() {
        return new ScramServer(decoys, serverNonces.get());
    }

    private static Supplier<String> randomNonces() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] nonce = new byte[NONCE_OCTETS];
            random.nextBytes(nonce);
            return Base64.getEncoder().encodeToString(nonce);
        };
    }
}
