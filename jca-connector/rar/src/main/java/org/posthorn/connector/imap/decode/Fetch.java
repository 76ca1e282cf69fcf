package org.posthorn.connector.imap.decode;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code [UID] FETCH SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP
 * fetch-att) ")") [fetch-modifiers]} (RFC 3501 §6.4.5; {@code CHANGEDSINCE} of RFC 7162 §3.1.4).
 * The macros are expanded into their attributes (§6.4.5). What UID FETCH and CHANGEDSINCE imply
 * ({@code UID} and {@code MODSEQ} in every response) is for the command to add.
 *
 * @param attributes one or more, in the order asked, duplicates kept
 */
public record Fetch(String tag, boolean uid, SequenceSet set, List<FetchAttribute> attributes,
        OptionalLong changedSince) implements ImapCommand {

    public Fetch {
        attributes = List.copyOf(attributes);
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("FETCH needs an attribute");
        }
    }
}
