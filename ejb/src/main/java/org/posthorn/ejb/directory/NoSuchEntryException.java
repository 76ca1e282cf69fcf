package org.posthorn.ejb.directory;

/** The domain or account the request names does not exist. */
public class NoSuchEntryException extends DirectoryException {

    public NoSuchEntryException(String message) {
        super(message);
    }
}
