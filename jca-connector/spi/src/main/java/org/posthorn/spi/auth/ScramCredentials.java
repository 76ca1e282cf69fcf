package org.posthorn.spi.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the server keeps to check a SCRAM-SHA-256 login (RFC 5802 §3, RFC 7677) without knowing the
 * password: the salt and iteration count the client needs to derive its keys, and the two keys the
 * server needs to check the client's proof and to prove itself in turn.
 *
 * @param account    the canonical account name (lower case), as a successful login names it
 * @param salt       the per-account random salt
 * @param iterations the PBKDF2 iteration count, at least {@value #MIN_ITERATIONS}
 * @param storedKey  {@code H(HMAC(SaltedPassword, "Client Key"))}, 32 octets
 * @param serverKey  {@code HMAC(SaltedPassword, "Server Key")}, 32 octets
 */
public record ScramCredentials(String account, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    /** RFC 7677 §4: "at least 4096". */
    public static final int MIN_ITERATIONS = 4096;
    /**
     * The count new keys are made with, and the count an unknown login is shown; see ADR 0008 for why
     * 10,000: the server never runs it at login, the client runs it once per login.
     */
    public static final int ITERATIONS = 10_000;
    /** The output length of SHA-256, and so of every SCRAM-SHA-256 key. */
    public static final int KEY_OCTETS = 32;

    public ScramCredentials {
        Objects.requireNonNull(account, "account");
        salt = Objects.requireNonNull(salt, "salt").clone();
        storedKey = Objects.requireNonNull(storedKey, "storedKey").clone();
        serverKey = Objects.requireNonNull(serverKey, "serverKey").clone();
        if (salt.length == 0) {
            throw new IllegalArgumentException("empty salt");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("fewer than " + MIN_ITERATIONS + " iterations: " + iterations);
        }
        if (storedKey.length != KEY_OCTETS || serverKey.length != KEY_OCTETS) {
            throw new IllegalArgumentException("SCRAM-SHA-256 keys are " + KEY_OCTETS + " octets");
        }
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScramCredentials that && account.equals(that.account) && iterations == that.iterations
                && Arrays.equals(salt, that.salt) && Arrays.equals(storedKey, that.storedKey)
                && Arrays.equals(serverKey, that.serverKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, iterations, Arrays.hashCode(salt));
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "ScramCredentials[account=" + account + ", iterations=" + iterations + "]";
    }
}
