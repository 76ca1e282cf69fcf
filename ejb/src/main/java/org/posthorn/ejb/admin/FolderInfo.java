package org.posthorn.ejb.admin;

import java.io.Serializable;

/**
 * One folder (mailbox) of an account as the admin sees it.
 *
 * @param name       the full hierarchical name, as IMAP shows it
 * @param specialUse RFC 6154 attribute such as {@code \Sent}, or null
 * @param messages   how many messages it holds
 * @param unseen     how many of them are not marked {@code \Seen}
 * @param bytes      their total size in octets
 */
public record FolderInfo(String name, String specialUse, long messages, long unseen, long bytes)
        implements Serializable {
}
