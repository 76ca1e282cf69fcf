package org.posthorn.ejb.directory;

/** What an account may do besides using its own mail. Stored by name: only append new values. */
public enum Role {
    /** Reads and sends its own mail. */
    USER,
    /** Also manages domains and accounts through the admin API. */
    ADMIN
}
