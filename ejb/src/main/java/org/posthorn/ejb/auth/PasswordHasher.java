package org.posthorn.ejb.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hashes and checks passwords with bcrypt ({@code $2b$}, cost {@value #COST}). Passwords are
 * encoded as UTF-8; bcrypt reads at most 72 octets, so longer ones are first reduced with SHA-512
 * and nothing after the 72nd octet is silently ignored.
 */
@ApplicationScoped
public class PasswordHasher {

    /** 2^10 rounds: tens of milliseconds per check on a small server, per login and per API call. */
    static final int COST = 10;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    /**
     * Checked against when the login names no account, so that an unknown login costs as much time
     * as a wrong password and the reply time does not tell which logins exist.
     */
    private static final class Dummy {
        static final String HASH = new PasswordHasher().hash("posthorn timing equaliser");
    }

    /** A new salted hash of the password, in the modular crypt format. */
    public String hash(String password) {
        return BCrypt.with(VERSION, LONG_PASSWORDS).hashToString(COST, password.toCharArray());
    }

    /** Whether the password matches the hash; false for a hash that is not bcrypt. */
    public boolean verify(String password, String hash) {
        return BCrypt.verifyer(VERSION, LONG_PASSWORDS)
                .verify(password.toCharArray(), hash)
                .verified;
    }

    /** Spends the time of one {@link #verify} on nothing. */
    public void verifyAgainstDummy(String password) {
        verify(password, Dummy.HASH);
    }
}
