package org.posthorn.connector.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.posthorn.spi.auth.ScramCredentials;

/**
 * Credentials for a SCRAM login that has none (an unknown name, a disabled account, one without keys
 * yet), shaped like real ones, so that the server-first message does not tell a client which names
 * exist (RFC 5802 §9: the salt must not give that away). The salt is an HMAC of the name under a
 * per-server secret: asking twice for the same name gets the same salt, as for a real account. The
 * keys are random, so no proof can match them. The secret is kept in the data directory so that the
 * decoys stay the same across restarts.
 */
public final class ScramDecoys {

    private static final Logger LOG = Logger.getLogger(ScramDecoys.class.getName());
    static final String SECRET_FILE = "scram-decoy.secret";
    private static final int SECRET_OCTETS = 32;
    /** As long as the salts of real accounts (the post office makes 16 octets). */
    static final int SALT_OCTETS = 16;

    private final byte[] secret;
    private final SecureRandom random;

    private ScramDecoys(byte[] secret, SecureRandom random) {
        this.secret = secret.clone();
        this.random = random;
    }

    /** Decoys under a new random secret: they change with every instance (tests, or no data directory). */
    public static ScramDecoys ephemeral() {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[SECRET_OCTETS];
        random.nextBytes(secret);
        return new ScramDecoys(secret, random);
    }

    /**
     * Decoys under the secret kept in {@code directory} (made at first use, owner-only); if it cannot
     * be read or written, a warning and {@link #ephemeral()} decoys.
     */
    public static ScramDecoys keptIn(Path directory) {
        try {
            return new ScramDecoys(loadOrCreate(directory.resolve(SECRET_FILE)), new SecureRandom());
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "cannot keep the SCRAM decoy secret in " + directory
                    + "; unknown SCRAM logins get other salts after a restart");
            return ephemeral();
        }
    }

    /** Credentials for {@code login} that look real and never let a proof pass. */
    ScramCredentials forLogin(String login) {
        byte[] salt = Arrays.copyOf(hmac(("salt:" + login.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)),
                SALT_OCTETS);
        return new ScramCredentials(login, salt, ScramCredentials.ITERATIONS, randomKey(), randomKey());
    }

    private byte[] randomKey() {
        byte[] key = new byte[ScramCredentials.KEY_OCTETS];
        random.nextBytes(key);
        return key;
    }

    private byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    private static byte[] loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] secret = new byte[SECRET_OCTETS];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), SECRET_FILE, ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(temporary, secret);
            // Whole or not at all: a half-written secret would change every decoy after the next start.
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] read(Path file) throws IOException {
        byte[] secret = Files.readAllBytes(file);
        if (secret.length != SECRET_OCTETS) {
            throw new IOException(file + " does not hold " + SECRET_OCTETS + " octets");
        }
        return secret;
    }
}
