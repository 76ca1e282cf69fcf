package org.posthorn.ejb.mta;

import java.util.List;
import java.util.Set;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;

/** Where an envelope recipient's mail goes, or why it is refused. */
public sealed interface Resolution {

    /**
     * Accepted: into the INBOX of these local accounts and out to these remote addresses, at least one
     * of the two. An alias may give several of each; a plain local user gives one account.
     *
     * @param accountIds the local accounts
     * @param remote     the remote addresses, in the order found, without repeats
     */
    record Accepted(Set<Long> accountIds, List<MailAddress> remote) implements Resolution {

        public Accepted {
            accountIds = Set.copyOf(accountIds);
            remote = List.copyOf(remote);
            if (accountIds.isEmpty() && remote.isEmpty()) {
                throw new IllegalArgumentException("accepted for nobody");
            }
        }

        static Accepted local(long accountId) {
            return new Accepted(Set.of(accountId), List.of());
        }

        static Accepted relay(MailAddress recipient) {
            return new Accepted(Set.of(), List.of(recipient));
        }
    }

    /** Nowhere: the recipient is refused with this error. */
    record Refused(MailError error) implements Resolution {
    }
}
