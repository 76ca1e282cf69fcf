package org.posthorn.ejb.directory;

/** The request is well-formed but conflicts with what exists (a domain that still has accounts, ...). */
public class ConflictException extends DirectoryException {

    public ConflictException(String message) {
        super(message);
    }
}
