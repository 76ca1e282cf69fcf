package org.posthorn.ejb.directory;

/** A name, address, password or other value that is not acceptable as given. */
public class InvalidInputException extends DirectoryException {

    public InvalidInputException(String message) {
        super(message);
    }
}
