package org.posthorn.ejb.notify;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The announcements one transaction has made, so that each mailbox is announced once however many
 * messages the transaction touched (a COPY of a thousand messages is one announcement). Once a whole
 * account has been announced, its single mailboxes need not be.
 */
final class ChangeSet {

    private static final String ALL = "\n*";
    private final Set<String> announced = new HashSet<>();

    /** Whether this mailbox's change is news to the transaction (and records it). */
    boolean addMailbox(String account, String mailbox) {
        String owner = account.toLowerCase(Locale.ROOT);
        return !announced.contains(owner + ALL) && announced.add(owner + "\n/" + mailbox);
    }

    /** Whether a change of every mailbox of the account is news to the transaction (and records it). */
    boolean addAccount(String account) {
        return announced.add(account.toLowerCase(Locale.ROOT) + ALL);
    }
}
