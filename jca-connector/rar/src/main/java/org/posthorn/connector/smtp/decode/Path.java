package org.posthorn.connector.smtp.decode;

import org.posthorn.spi.MailAddress;

/** A reverse-path or forward-path of RFC 5321 §4.1.2, source route dropped. */
public sealed interface Path {

    /** The null reverse-path {@code <>} of bounces (RFC 5321 §4.5.5). */
    record NullPath() implements Path {
    }

    /** The forward-path {@code <Postmaster>} without a domain, which every server must accept (§4.5.1). */
    record Postmaster() implements Path {
    }

    /**
     * A mailbox.
     *
     * @param address the address, local part unquoted
     * @param utf8    whether it has non-ASCII characters, allowed only in an SMTPUTF8 transaction (RFC 6531 §3.3)
     */
    record Mailbox(MailAddress address, boolean utf8) implements Path {
    }
}
