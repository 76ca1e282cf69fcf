package org.posthorn.ejb.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.posthorn.ejb.auth.PasswordHasher;
import org.posthorn.ejb.auth.PasswordPolicy;
import org.posthorn.ejb.directory.AccountName;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.ejb.directory.Role;
import org.posthorn.settings.Settings;

/**
 * Makes sure the built-in {@code admin} account exists when the application starts, so that a fresh
 * server can be administered at once.
 *
 * <p>Its first password is {@link Settings#ADMIN_PASSWORD} when set, else a random one that is logged
 * exactly once, at creation. The setting is read only when the account is created: once it exists,
 * its password is changed through the admin API ({@code PUT /api/admin/accounts/admin}), and a
 * different value of the setting is ignored (with a log line saying so) rather than silently
 * overwriting a password an administrator chose.
 */
@Singleton
@Startup
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static final int GENERATED_LENGTH = 20;

    @Inject
    DirectoryLookup directory;

    @Inject
    AccountFactory factory;

    @Inject
    PasswordHasher hasher;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void ensureAdminAccount() {
        String configured = Settings.ADMIN_PASSWORD.get();
        var existing = directory.account(AccountName.ADMIN);
        if (existing.isPresent()) {
            if (configured != null && !hasher.verify(configured, existing.get().getPasswordHash())) {
                LOG.info(() -> "The admin account exists; " + Settings.ADMIN_PASSWORD.environmentName()
                        + " differs from its password and is ignored (change it with PUT /api/admin/accounts/admin)");
            }
            return;
        }
        String password = configured != null ? configured : generatePassword();
        if (configured != null && !PasswordPolicy.accepts(configured)) {
            // The operator's choice is honoured (a failed deployment helps nobody), but said to be weak.
            LOG.warning(Settings.ADMIN_PASSWORD.environmentName() + " does not meet the password rules ("
                    + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                    + " characters, no control characters); using it anyway");
        }
        factory.create(AccountName.ADMIN, null, password, Role.ADMIN);
        if (configured == null) {
            LOG.warning("Posthorn admin login: " + AccountName.ADMIN + " / " + password + " (shown once; set "
                    + Settings.ADMIN_PASSWORD.environmentName() + " to choose it)");
        } else {
            LOG.info("Posthorn admin account created with the password from "
                    + Settings.ADMIN_PASSWORD.environmentName());
        }
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
