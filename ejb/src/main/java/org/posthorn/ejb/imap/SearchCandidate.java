package org.posthorn.ejb.imap;

import java.time.Instant;
import java.util.Set;
import org.posthorn.ejb.store.mime.StoredStructure;

/**
 * One message as {@link SearchMatcher} sees it: the row's columns, and what {@link MessageSearch}
 * loaded for the batch because the criteria need it (keywords, structure, octets).
 */
record SearchCandidate(long uid, int flags, long modSeq, Instant internalDate, long size, long blobId,
                       Set<String> keywords, StoredStructure structure, byte[] content) {

    @Override
    public StoredStructure structure() {
        if (structure == null) {
            throw new IllegalStateException("structure not loaded for this search");
        }
        return structure;
    }

    @Override
    public byte[] content() {
        if (content == null) {
            throw new IllegalStateException("content not loaded for this search");
        }
        return content;
    }
}
