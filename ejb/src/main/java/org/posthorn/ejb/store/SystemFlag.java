package org.posthorn.ejb.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * The IMAP system flags a message keeps (RFC 9051 §2.3.2), each one bit of
 * {@link MailboxMessage}'s flag column. {@code \Recent} is not here: it belongs to a session.
 * The bit values are stored: never renumber, only add.
 */
public enum SystemFlag {
    SEEN("\\Seen", 1),
    ANSWERED("\\Answered", 2),
    FLAGGED("\\Flagged", 4),
    DELETED("\\Deleted", 8),
    DRAFT("\\Draft", 16);

    private final String imapName;
    private final int bit;

    SystemFlag(String imapName, int bit) {
        this.imapName = imapName;
        this.bit = bit;
    }

    public String imapName() {
        return imapName;
    }

    int bit() {
        return bit;
    }

    /** The flags a bit set holds. */
    public static Set<SystemFlag> fromBits(int bits) {
        Set<SystemFlag> flags = EnumSet.noneOf(SystemFlag.class);
        for (SystemFlag flag : values()) {
            if ((bits & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }

    /** The bit set of some flags. */
    public static int toBits(Set<SystemFlag> flags) {
        int bits = 0;
        for (SystemFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }
}
