package org.posthorn.ejb.mta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.directory.AccountName;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.ejb.directory.Domain;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;
import org.posthorn.settings.Settings;

/**
 * The recipient policy: which envelope recipients this server takes and for which account.
 *
 * <ul>
 *   <li>A domain that is not local (unknown or disabled) is {@code NO_PERMISSION}: relaying is not
 *       offered yet.</li>
 *   <li>An enabled account of that address takes it; the local part is compared case-insensitively.</li>
 *   <li>{@code postmaster} and {@code abuse} exist in every local domain (RFC 5321 §4.5.1,
 *       RFC 2142 §2): without an enabled account of that name they go to {@code admin}. So does
 *       {@code postmaster} at the server's own host name, which is what the wire makes of the
 *       domain-less {@code RCPT TO:<Postmaster>} every SMTP server must accept.</li>
 *   <li>Anything else is {@code NOT_FOUND}.</li>
 * </ul>
 * The recipient comes off the wire; it is only used as a lookup key.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RecipientResolver {

    static final Set<String> ROLE_ADDRESSES = Set.of("postmaster", "abuse");

    @Inject
    DirectoryLookup directory;

    public Resolution resolve(MailAddress recipient) {
        if (isServerPostmaster(recipient)) {
            return directory.account(AccountName.ADMIN)
                    .<Resolution>map(a -> new Resolution.Local(a.getId(), a.getAddress()))
                    .orElse(new Resolution.Refused(MailError.TEMPORARY_FAILURE));
        }
        Optional<String> name = AccountName.ofRecipient(recipient);
        boolean localDomain = name.flatMap(AccountName::domainOf)
                .flatMap(directory::domain)
                .filter(Domain::isEnabled)
                .isPresent();
        if (!localDomain) {
            return new Resolution.Refused(MailError.NO_PERMISSION);
        }
        Optional<Account> account = directory.account(name.get()).filter(Account::isEnabled);
        if (account.isEmpty() && ROLE_ADDRESSES.contains(recipient.localPart().toLowerCase(Locale.ROOT))) {
            // Not filtered on enabled: mail to postmaster must never be refused.
            account = directory.account(AccountName.ADMIN);
        }
        return account.<Resolution>map(a -> new Resolution.Local(a.getId(), a.getAddress()))
                .orElse(new Resolution.Refused(MailError.NOT_FOUND));
    }

    private static boolean isServerPostmaster(MailAddress recipient) {
        return recipient.normalizedLocalPart().equals("postmaster")
                && recipient.domain().equalsIgnoreCase(Settings.HOSTNAME.get());
    }
}
