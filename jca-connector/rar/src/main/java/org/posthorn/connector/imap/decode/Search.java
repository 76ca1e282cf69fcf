package org.posthorn.connector.imap.decode;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code [UID] SEARCH [search-return-opts] [SP "CHARSET" SP astring] 1*(SP search-key)} (RFC 3501
 * §6.4.4, return options of ESEARCH, RFC 4731 §3.1, and SEARCHRES, RFC 5182 §2.1).
 *
 * @param returnOptions empty for a classic SEARCH answered by {@code * SEARCH}; otherwise the ESEARCH
 *                      options, {@code RETURN ()} being {@code ALL} (RFC 4731 §3.1)
 * @param charset       the CHARSET as sent; its strings are in it, and an unknown one is answered
 *                      {@code NO [BADCHARSET]} by the command, not refused here
 * @param key           the criteria; several top-level keys form one {@link SearchKey.And}
 */
public record Search(String tag, boolean uid, Set<ReturnOption> returnOptions, Optional<String> charset,
        SearchKey key) implements ImapCommand {

    /** {@code search-return-opt} (RFC 4731 §3.1, RFC 5182 §2.1). */
    public enum ReturnOption {
        MIN, MAX, ALL, COUNT, SAVE
    }

    public Search {
        returnOptions = EnumSets.copy(ReturnOption.class, returnOptions);
        Objects.requireNonNull(key, "key");
    }
}
