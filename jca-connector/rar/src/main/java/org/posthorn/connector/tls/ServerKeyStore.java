package org.posthorn.connector.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Logger;
import org.posthorn.settings.Settings;

/**
 * Finds the keystore the listeners use: the operator's ({@code posthorn.tls.keystore}), or else the
 * self-signed one in the data directory, made at the first start and reused after every restart, so
 * clients that accepted it once keep trusting it (RFC 7817 §3: mail clients commonly pin such a
 * certificate).
 *
 * <p>The self-signed store's password is fixed: a password kept beside the file would protect it no
 * better than the file's owner-only permissions already do.
 */
public final class ServerKeyStore {

    private static final Logger LOG = Logger.getLogger(ServerKeyStore.class.getName());

    /** Under the data directory. */
    public static final Path SELF_SIGNED = Path.of("tls", "posthorn-selfsigned.p12");
    static final char[] SELF_SIGNED_PASSWORD = "posthorn-self-signed".toCharArray();

    private ServerKeyStore() {
    }

    /**
     * The configured keystore, or the self-signed one, made now if it does not exist. Blocks (key
     * generation, file I/O): call it at adapter start.
     *
     * @throws IOException if the self-signed store cannot be made
     */
    public static KeyStoreFile fromSettings() throws IOException {
        String configured = Settings.TLS_KEYSTORE.get();
        if (configured != null) {
            String password = Settings.TLS_KEYSTORE_PASSWORD.get();
            return new KeyStoreFile(Path.of(configured), password == null ? new char[0] : password.toCharArray());
        }
        return selfSigned(Settings.dataDirectory(), Settings.HOSTNAME.get(), Clock.systemUTC());
    }

    /**
     * The self-signed store under {@code dataDirectory}, made for {@code hostname} if it is not there yet.
     *
     * @throws IOException if it cannot be made
     */
    public static KeyStoreFile selfSigned(Path dataDirectory, String hostname, Clock clock) throws IOException {
        KeyStoreFile store = new KeyStoreFile(dataDirectory.resolve(SELF_SIGNED), SELF_SIGNED_PASSWORD.clone());
        if (!Files.exists(store.file())) {
            SelfSignedCertificate.create(store, hostname, clock);
            LOG.warning(() -> "No TLS keystore configured (posthorn.tls.keystore): made a self-signed certificate for "
                    + hostname + " in " + store.file() + "; clients will have to be told to trust it");
        }
        return store;
    }
}
