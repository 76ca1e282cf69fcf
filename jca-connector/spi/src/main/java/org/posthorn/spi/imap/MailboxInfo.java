package org.posthorn.spi.imap;

import java.util.Objects;
import java.util.Optional;

/**
 * One mailbox of an account, as LIST shows it.
 *
 * @param name       the full Unicode name, levels separated by {@link MailboxStoreListener#DELIMITER}
 * @param specialUse its RFC 6154 attribute ({@code \Drafts}, {@code \Sent}, {@code \Junk}, {@code \Trash},
 *                   {@code \Archive}), if any
 * @param subscribed whether it is subscribed (LSUB, LIST (SUBSCRIBED))
 */
public record MailboxInfo(String name, Optional<String> specialUse, boolean subscribed) {

    public MailboxInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specialUse, "specialUse");
    }
}
