package org.posthorn.ejb.notify;

/**
 * Announces, as part of the caller's transaction, that a mailbox changed: the announcement goes out
 * if and only if the transaction commits. Called by every service that adds, expunges or changes the
 * flags of messages, deletes or renames a mailbox, or removes an account. Cheap to call often: one
 * announcement per mailbox and transaction goes out however many times it is called.
 */
public interface MailboxChangeNotifier {

    /**
     * @param account the account's name as stored
     * @param mailbox the mailbox's name as stored (what LIST shows)
     */
    void changed(String account, String mailbox);

    /** Every mailbox of the account changed, or the account is gone. */
    void changedAll(String account);
}
