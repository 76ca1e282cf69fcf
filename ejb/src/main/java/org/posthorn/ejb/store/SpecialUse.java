package org.posthorn.ejb.store;

/**
 * The mailboxes every account gets at creation, with their RFC 6154 §2 special-use attributes so
 * that mail clients find them whatever they call them.
 */
public enum SpecialUse {
    INBOX(Mailbox.INBOX, null),
    DRAFTS("Drafts", "\\Drafts"),
    SENT("Sent", "\\Sent"),
    JUNK("Junk", "\\Junk"),
    TRASH("Trash", "\\Trash"),
    ARCHIVE("Archive", "\\Archive");

    private final String mailboxName;
    private final String attribute;

    SpecialUse(String mailboxName, String attribute) {
        this.mailboxName = mailboxName;
        this.attribute = attribute;
    }

    /** The name the mailbox gets at account creation. */
    public String mailboxName() {
        return mailboxName;
    }

    /** The special-use attribute, or null for INBOX (which needs none: its name is reserved). */
    public String attribute() {
        return attribute;
    }
}
