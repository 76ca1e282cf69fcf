package org.posthorn.ejb.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.directory.AccountName;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.spi.auth.ScramCredentials;

/**
 * The one password check, for every protocol and the web. A wrong password, an unknown login and a
 * disabled account or domain all answer empty, after the same amount of bcrypt work.
 *
 * <p>A right password also gives an account SCRAM-SHA-256 keys if it has none yet (accounts made
 * before SCRAM), as Dovecot users regenerate their schemes at login (ADR 0008).
 */
@Stateless
public class Authenticator {

    @Inject
    DirectoryLookup directory;

    @Inject
    PasswordHasher hasher;

    @Inject
    ScramKeyMaker scramKeys;

    /**
     * @param login    an address (any case) or {@code admin}
     * @param password as typed
     * @return the account, if the login and password are right and it may log in
     */
    public Optional<AuthenticatedAccount> authenticate(String login, String password) {
        Optional<Account> account = AccountName.ofLogin(login).flatMap(directory::account);
        if (account.isEmpty()) {
            hasher.verifyAgainstDummy(password);
            return Optional.empty();
        }
        Account found = account.get();
        // Verify first even for a disabled account: its reply must take as long as any other.
        boolean passwordMatches = hasher.verify(password, found.getPasswordHash());
        if (!passwordMatches || !found.isUsable()) {
            return Optional.empty();
        }
        if (scramKeys.outdated(found.getScramKeys())) {
            // The managed entity: written when this call's transaction commits.
            scramKeys.derive(password).ifPresent(found::setScramKeys);
        }
        return Optional.of(new AuthenticatedAccount(found.getAddress(), found.getRole()));
    }

    /**
     * The SCRAM keys of the account {@code login} names, if it may log in and has them. Unknown,
     * disabled and key-less all answer empty; the wire hides which with a decoy.
     */
    public Optional<ScramCredentials> scramCredentials(String login) {
        return AccountName.ofLogin(login).flatMap(directory::account)
                .filter(Account::isUsable)
                .filter(account -> account.getScramKeys() != null)
                .map(account -> account.getScramKeys().credentials(account.getAddress()));
    }
}
