package org.posthorn.ejb.auth;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Optional;
import org.posthorn.spi.auth.ScramCredentials;

/**
 * Makes the SCRAM-SHA-256 keys of a password (RFC 5802 §3, RFC 7677): a new 16-octet salt,
 * {@code SaltedPassword = Hi(SASLprep(password), salt, i)}, then StoredKey and ServerKey. SASLprep
 * (RFC 4013) and PBKDF2 come from the ongres SCRAM library, as clients such as the PostgreSQL driver
 * use it. Whenever a password is set, and when a password login finds an account without keys.
 */
@ApplicationScoped
public class ScramKeyMaker {

    static final int SALT_OCTETS = 16;

    private static final ScramMechanism SCRAM_SHA_256 = ScramMechanism.SCRAM_SHA_256;
    private final SecureRandom random = new SecureRandom();

    /**
     * The keys of {@code password}, or empty if SASLprep refuses it (RFC 4013 §5: control characters,
     * unassigned code points…): such an account logs in with PLAIN and LOGIN only.
     */
    public Optional<ScramKeys> derive(String password) {
        byte[] salt = ScramFunctions.salt(SALT_OCTETS, random);
        byte[] saltedPassword;
        try {
            saltedPassword = ScramFunctions.saltedPassword(SCRAM_SHA_256, StringPreparation.SASL_PREPARATION,
                    password.toCharArray(), salt, ScramCredentials.ITERATIONS);
        } catch (IllegalArgumentException refusedBySaslPrep) {
            // The library's only way to say SASLprep refused the string; no client could log in with it either.
            return Optional.empty();
        }
        byte[] storedKey = ScramFunctions.storedKey(SCRAM_SHA_256, ScramFunctions.clientKey(SCRAM_SHA_256, saltedPassword));
        byte[] serverKey = ScramFunctions.serverKey(SCRAM_SHA_256, saltedPassword);
        return Optional.of(new ScramKeys(salt, ScramCredentials.ITERATIONS, storedKey, serverKey));
    }

    /** Whether {@code keys} are missing or weaker than new ones would be, so a password login should remake them. */
    public boolean outdated(ScramKeys keys) {
        return keys == null || keys.iterations() < ScramCredentials.ITERATIONS;
    }
}
