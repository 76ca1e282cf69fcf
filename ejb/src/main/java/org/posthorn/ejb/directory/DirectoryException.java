package org.posthorn.ejb.directory;

import jakarta.ejb.ApplicationException;

/**
 * A request to the directory that cannot be carried out as asked. The message is written for the
 * person or script that made the request and never contains a password. Rolls the transaction back
 * and reaches the caller unwrapped (EJB 4.0 §9.2.1), so the web maps each kind to a status code.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DirectoryException extends RuntimeException {

    protected DirectoryException(String message) {
        super(message);
    }
}
