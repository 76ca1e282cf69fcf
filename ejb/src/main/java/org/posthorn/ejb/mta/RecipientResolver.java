package org.posthorn.ejb.mta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.directory.AccountName;
import org.posthorn.ejb.directory.Alias;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.ejb.directory.Domain;
import org.posthorn.settings.Settings;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;

/**
 * The recipient policy: which envelope recipients this server takes, and where their mail goes.
 *
 * <p>A recipient in a domain that is not local (unknown or disabled) is relayed for a client that
 * may relay (it authenticated), else {@code NO_PERMISSION}: no open relay. In a local domain the
 * address is looked up in this order, as Postfix's virtual maps do:
 * <ol>
 *   <li>an enabled account of that address (local parts compare case-insensitively);</li>
 *   <li>an {@link Alias} of that address, whose targets are resolved in turn: local ones the same
 *       way, remote ones relayed whoever sent the message (the administrator set them up);</li>
 *   <li>with plus-addressing, {@code user+tag@domain} as {@code user@domain} (steps 1–2);</li>
 *   <li>{@code postmaster} and {@code abuse}, which exist in every local domain (RFC 5321 §4.5.1,
 *       RFC 2142 §2): without an account or alias of that name they go to {@code admin}. So does
 *       {@code postmaster} at the server's own host name, which is what the wire makes of the
 *       domain-less {@code RCPT TO:<Postmaster>} every SMTP server must accept;</li>
 *   <li>the domain's catch-all alias ({@code @domain});</li>
 *   <li>else {@code NOT_FOUND}.</li>
 * </ol>
 * Aliases may point at aliases up to {@value #MAX_DEPTH} deep; a cycle or a deeper chain stops there
 * (logged), and an alias whose targets all lead nowhere is {@code NOT_FOUND}. The recipient comes off
 * the wire; it is only used as a lookup key.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RecipientResolver {

    private static final Logger LOG = Logger.getLogger(RecipientResolver.class.getName());

    static final Set<String> ROLE_ADDRESSES = Set.of("postmaster", "abuse");
    /** Alias chains longer than this are cut (Postfix's {@code virtual_alias_recursion_limit} is 1000, its expansion limit 1000). */
    static final int MAX_DEPTH = 10;
    /** RFC 5233 §2's separator, the one everyone uses. */
    static final char PLUS = '+';

    @Inject
    DirectoryLookup directory;

    /** Where mail to {@code recipient} goes for a client that may not relay. */
    public Resolution resolve(MailAddress recipient) {
        return resolve(recipient, false);
    }

    /**
     * Where mail to {@code recipient} goes.
     *
     * @param mayRelay whether the client may send to domains that are not local (it authenticated)
     */
    public Resolution resolve(MailAddress recipient, boolean mayRelay) {
        if (isServerPostmaster(recipient)) {
            return directory.account(AccountName.ADMIN)
                    .<Resolution>map(admin -> Resolution.Accepted.local(admin.getId()))
                    .orElse(new Resolution.Refused(MailError.TEMPORARY_FAILURE));
        }
        Optional<String> name = AccountName.ofRecipient(recipient);
        if (name.isEmpty() || !isLocalDomain(name.get())) {
            return mayRelay && name.isPresent() ? Resolution.Accepted.relay(recipient)
                    : new Resolution.Refused(MailError.NO_PERMISSION);
        }
        Expansion expansion = new Expansion(true);
        expansion.local(name.get(), 0);
        return expansion.result();
    }

    /**
     * The local accounts that own {@code address} as a sender: what mail to it reaches through
     * accounts, aliases, plus-addressing and the role addresses, but not through a catch-all, which
     * would make everyone owner of every unused address of the domain.
     */
    public Set<Long> owners(MailAddress address) {
        Optional<String> name = AccountName.ofRecipient(address);
        if (name.isEmpty() || !isLocalDomain(name.get())) {
            return Set.of();
        }
        Expansion expansion = new Expansion(false);
        expansion.local(name.get(), 0);
        return expansion.accounts;
    }

    private boolean isLocalDomain(String canonicalAddress) {
        return AccountName.domainOf(canonicalAddress).flatMap(directory::domain).filter(Domain::isEnabled).isPresent();
    }

    private static boolean isServerPostmaster(MailAddress recipient) {
        return recipient.normalizedLocalPart().equals("postmaster")
                && recipient.domain().equalsIgnoreCase(Settings.HOSTNAME.get());
    }

    /** One expansion of a recipient through the directory: what it found so far. */
    private final class Expansion {

        private final boolean catchAll;
        private final Set<Long> accounts = new LinkedHashSet<>();
        private final Set<String> remoteSeen = new HashSet<>();
        private final List<MailAddress> remote = new ArrayList<>();
        private final Set<String> visited = new HashSet<>();

        Expansion(boolean catchAll) {
            this.catchAll = catchAll;
        }

        Resolution result() {
            return accounts.isEmpty() && remote.isEmpty() ? new Resolution.Refused(MailError.NOT_FOUND)
                    : new Resolution.Accepted(accounts, remote);
        }

        /** A canonical address of an enabled local domain. */
        void local(String address, int depth) {
            if (!visited.add(address)) {
                LOG.fine(() -> "alias loop at " + address + "; not followed again");
                return;
            }
            if (exact(address, depth)) {
                return;
            }
            int at = address.lastIndexOf('@');
            String localPart = address.substring(0, at);
            String domain = address.substring(at + 1);
            int plus = localPart.indexOf(PLUS);
            if (plus > 0 && exact(localPart.substring(0, plus) + "@" + domain, depth)) {
                return;
            }
            if (ROLE_ADDRESSES.contains(localPart.toLowerCase(Locale.ROOT))) {
                // Not filtered on enabled: mail to postmaster must never be refused.
                directory.account(AccountName.ADMIN).ifPresent(admin -> accounts.add(admin.getId()));
                return;
            }
            if (catchAll) {
                directory.alias(Alias.catchAll(domain)).ifPresent(alias -> targets(alias, depth));
            }
        }

        /** An enabled account or an alias of exactly this address; false if there is neither. */
        private boolean exact(String address, int depth) {
            Optional<Account> account = directory.account(address).filter(Account::isEnabled);
            if (account.isPresent()) {
                accounts.add(account.get().getId());
                return true;
            }
            Optional<Alias> alias = directory.alias(address);
            alias.ifPresent(found -> targets(found, depth));
            return alias.isPresent();
        }

        private void targets(Alias alias, int depth) {
            if (depth >= MAX_DEPTH) {
                LOG.warning(() -> "alias " + alias.getAddress() + " is more than " + MAX_DEPTH
                        + " aliases deep; its targets are not followed");
                return;
            }
            for (String target : alias.getTargets()) {
                Optional<String> domain = AccountName.domainOf(target);
                Optional<Domain> local = domain.flatMap(directory::domain);
                if (local.isPresent()) {
                    // A target in a disabled local domain leads nowhere; relaying it would loop back here.
                    if (local.get().isEnabled()) {
                        local(target, depth + 1);
                    }
                } else if (domain.isPresent() && remoteSeen.add(target)) {
                    remote.add(MailAddress.of(target));
                }
            }
        }
    }
}
