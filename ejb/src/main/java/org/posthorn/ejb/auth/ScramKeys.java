package org.posthorn.ejb.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import org.posthorn.spi.auth.ScramCredentials;

/**
 * An account's SCRAM-SHA-256 keys (RFC 5802 §3), stored beside its bcrypt hash: salt, iteration
 * count, StoredKey and ServerKey, never the password or the SaltedPassword. The columns are nullable
 * (ADR 0003: {@code update} adds them, old rows have none) and are all null for an account whose
 * password was set before SCRAM, or whose password SASLprep refuses (ADR 0008).
 */
@Embeddable
public class ScramKeys {

    @Column(name = "scram_salt", length = 64)
    private byte[] salt;

    @Column(name = "scram_iterations")
    private Integer iterations;

    @Column(name = "scram_stored_key", length = ScramCredentials.KEY_OCTETS)
    private byte[] storedKey;

    @Column(name = "scram_server_key", length = ScramCredentials.KEY_OCTETS)
    private byte[] serverKey;

    protected ScramKeys() {
        // for JPA
    }

    public ScramKeys(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
        this.salt = Objects.requireNonNull(salt, "salt").clone();
        this.iterations = iterations;
        this.storedKey = Objects.requireNonNull(storedKey, "storedKey").clone();
        this.serverKey = Objects.requireNonNull(serverKey, "serverKey").clone();
    }

    public int iterations() {
        return iterations;
    }

    /** The keys as the wire gets them, for {@code account}. */
    public ScramCredentials credentials(String account) {
        return new ScramCredentials(account, salt, iterations, storedKey, serverKey);
    }
}
