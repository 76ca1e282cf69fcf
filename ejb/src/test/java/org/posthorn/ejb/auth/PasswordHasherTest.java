package org.posthorn.ejb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsBcryptWithTheConfiguredCostAndNotThePassword() {
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("$2b$10$").hasSize(60).doesNotContain("correct horse");
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse");
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("Correct horse", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void passwordsLongerThan72OctetsCountInFull() {
        String longPassword = "x".repeat(72) + "tail";
        String hash = hasher.hash(longPassword);
        assertThat(hasher.verify(longPassword, hash)).isTrue();
        // Plain bcrypt ignores everything after octet 72; these must not match.
        assertThat(hasher.verify("x".repeat(72), hash)).isFalse();
        assertThat(hasher.verify("x".repeat(72) + "tall", hash)).isFalse();
    }

    @Test
    void nonAsciiPasswordsRoundTrip() {
        String hash = hasher.hash("Grüße, 世界!");
        assertThat(hasher.verify("Grüße, 世界!", hash)).isTrue();
        assertThat(hasher.verify("Grusse, 世界!", hash)).isFalse();
    }

    @Test
    void aHashThatIsNotBcryptNeverVerifies() {
        assertThat(hasher.verify("anything", "not-a-hash")).isFalse();
    }
}
