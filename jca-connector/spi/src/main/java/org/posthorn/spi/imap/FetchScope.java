package org.posthorn.spi.imap;

/**
 * What a FETCH needs besides UID, flags and MODSEQ, which always come: the post office loads only that.
 *
 * @param summary       internal date and size
 * @param envelope      the parsed envelope
 * @param bodyStructure the MIME structure with offsets
 * @param content       the stored message bytes (for BODY[...], RFC822*, BINARY)
 */
public record FetchScope(boolean summary, boolean envelope, boolean bodyStructure, boolean content) {

    /** Flags, UID and MODSEQ only (FETCH FLAGS, the state after STORE). */
    public static final FetchScope FLAGS_ONLY = new FetchScope(false, false, false, false);
}
