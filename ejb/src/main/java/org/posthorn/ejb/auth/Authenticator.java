package org.posthorn.ejb.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.directory.AccountName;
import org.posthorn.ejb.directory.DirectoryLookup;

/**
 * The one password check, for every protocol and the web. A wrong password, an unknown login and a
 * disabled account or domain all answer empty, after the same amount of bcrypt work.
 */
@Stateless
public class Authenticator {

    @Inject
    DirectoryLookup directory;

    @Inject
    PasswordHasher hasher;

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
        return Optional.of(new AuthenticatedAccount(found.getAddress(), found.getRole()));
    }
}
