package org.posthorn.ejb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.admin.AccountChanges;
import org.posthorn.ejb.admin.DomainChanges;
import org.posthorn.ejb.admin.Patch;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.testing.PostOffice;
import org.posthorn.ejb.testing.TestDatabase;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.auth.Credentials;
import org.posthorn.spi.auth.ScramCredentials;

/**
 * SCRAM-SHA-256 keys on the real mapping and an H2 database: made when a password is set, replaced
 * when it changes, made at the first password login of an account that has none, and handed to the
 * wire only for usable accounts. The keys are checked against the ongres library's client-side
 * derivation, so a client that follows RFC 5802 would log in with them.
 */
class ScramCredentialsJpaTest {

    private static final String ALICE = "alice@example.org";
    private static final String PASSWORD = "correct horse battery";
    private static final ClientConnection CLIENT = new ClientConnection("imap",
            new InetSocketAddress("192.0.2.7", 40000), true, Optional.empty());

    private TestDatabase db;
    private PostOffice po;

    @BeforeEach
    void createAccount() {
        db = new TestDatabase();
        po = new PostOffice(db);
        db.inTransaction(() -> po.domains.put("example.org", DomainChanges.none()));
        db.inTransaction(() -> po.accounts.put(ALICE, password(PASSWORD)));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void creatingAnAccountMakesKeysOfItsPassword() {
        ScramCredentials keys = scramCredentials("Alice@Example.org").orElseThrow();

        assertThat(keys.account()).isEqualTo(ALICE);
        assertThat(keys.iterations()).isEqualTo(ScramCredentials.ITERATIONS);
        assertThat(keys.salt()).hasSize(ScramKeyMaker.SALT_OCTETS);
        assertThat(matches(keys, PASSWORD)).isTrue();
        assertThat(matches(keys, "another password")).isFalse();
    }

    @Test
    void changingThePasswordReplacesTheKeys() {
        ScramCredentials before = scramCredentials(ALICE).orElseThrow();

        db.inTransaction(() -> po.accounts.put(ALICE, password("a brand new secret")));

        ScramCredentials after = scramCredentials(ALICE).orElseThrow();
        assertThat(after.salt()).isNotEqualTo(before.salt());
        assertThat(matches(after, "a brand new secret")).isTrue();
        assertThat(matches(after, PASSWORD)).isFalse();
    }

    @Test
    void aPasswordLoginGivesAnAccountWithoutKeysItsKeys() {
        forgetKeys();
        assertThat(scramCredentials(ALICE)).isEmpty();

        db.inTransaction(() -> po.authentication.authenticate(new Credentials(ALICE, "wrong password", CLIENT)));
        assertThat(scramCredentials(ALICE)).as("not after a wrong password").isEmpty();

        db.inTransaction(() -> po.authentication.authenticate(new Credentials(ALICE, PASSWORD, CLIENT)));
        assertThat(scramCredentials(ALICE)).hasValueSatisfying(keys -> assertThat(matches(keys, PASSWORD)).isTrue());
    }

    @Test
    void unknownAndDisabledAccountsHaveNoKeysForTheWire() {
        assertThat(scramCredentials("nobody@example.org")).isEmpty();
        assertThat(scramCredentials("not an address")).isEmpty();

        db.inTransaction(() -> po.accounts.put(ALICE, new AccountChanges(Patch.absent(), Patch.absent(),
                Patch.absent(), Patch.of(false), Patch.absent())));

        assertThat(scramCredentials(ALICE)).isEmpty();
    }

    @Test
    void aPasswordThatSaslPrepRefusesGetsNoKeysButStillLogsIn() {
        // U+E000, private use, is prohibited by SASLprep (RFC 4013 §2.3, RFC 3454 C.3); our policy allows it.
        String privateUse = "private \uE000 use only";
        db.inTransaction(() -> po.accounts.put(ALICE, password(privateUse)));

        assertThat(scramCredentials(ALICE)).isEmpty();
        assertThat(db.inTransaction(() -> po.authentication.authenticate(new Credentials(ALICE, privateUse, CLIENT)))
                .succeeded()).isTrue();
        assertThat(scramCredentials(ALICE)).as("nor after a login").isEmpty();
    }

    private Optional<ScramCredentials> scramCredentials(String login) {
        return db.inTransaction(() -> po.authentication.scramCredentials(login));
    }

    private void forgetKeys() {
        db.inTransaction(() -> db.entityManager()
                .createQuery("select a from Account a where a.address = :address", Account.class)
                .setParameter("address", ALICE)
                .getSingleResult()
                .setScramKeys(null));
    }

    private static AccountChanges password(String password) {
        return new AccountChanges(Patch.of(password), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent());
    }

    /** Whether a client that knows {@code password} derives these keys (RFC 5802 §3), by the library's client code. */
    private static boolean matches(ScramCredentials keys, String password) {
        ScramMechanism sha256 = ScramMechanism.SCRAM_SHA_256;
        byte[] salted = ScramFunctions.saltedPassword(sha256, StringPreparation.SASL_PREPARATION, password.toCharArray(),
                keys.salt(), keys.iterations());
        byte[] storedKey = ScramFunctions.storedKey(sha256, ScramFunctions.clientKey(sha256, salted));
        return java.util.Arrays.equals(storedKey, keys.storedKey())
                && java.util.Arrays.equals(ScramFunctions.serverKey(sha256, salted), keys.serverKey());
    }
}
