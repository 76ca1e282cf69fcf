package org.posthorn.ejb.dns;

/** What DNS says about one expected record. */
public enum CheckStatus {
    /** Published as expected. */
    PRESENT,
    /** Nothing of the kind is published. */
    MISSING,
    /** Something of the kind is published, but not what is expected. */
    DIFFERENT,
    /** DNS could not be asked (timeout, server failure). */
    UNKNOWN
}
