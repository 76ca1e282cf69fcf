package org.posthorn.spi.imap;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A STORE (RFC 3501 §6.4.6) as the post office applies it.
 *
 * @param mode           replace the flags, add these, or remove these
 * @param flags          system flags ({@code \Seen} ...; never {@code \Recent}) and keywords
 * @param unchangedSince RFC 7162 §3.1.3 UNCHANGEDSINCE: messages with a higher MODSEQ are not changed
 *                       and are reported as {@link StoreOutcome#modified()}
 */
public record FlagUpdate(Mode mode, Set<String> flags, OptionalLong unchangedSince) {

    /** How the given flags combine with the stored ones. */
    public enum Mode { REPLACE, ADD, REMOVE }

    public FlagUpdate {
        Objects.requireNonNull(mode, "mode");
        flags = Set.copyOf(flags);
        Objects.requireNonNull(unchangedSince, "unchangedSince");
    }
}
