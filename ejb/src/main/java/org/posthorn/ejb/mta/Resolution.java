package org.posthorn.ejb.mta;

import org.posthorn.spi.MailError;

/** Where an envelope recipient's mail goes, or why it is refused. */
public sealed interface Resolution {

    /** Into the INBOX of a local account. */
    record Local(long accountId, String accountName) implements Resolution {
    }

    /** Nowhere: the recipient is refused with this error. */
    record Refused(MailError error) implements Resolution {
    }
}
