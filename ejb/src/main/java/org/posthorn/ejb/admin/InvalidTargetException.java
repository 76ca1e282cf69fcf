package org.posthorn.ejb.admin;

import org.posthorn.ejb.directory.InvalidInputException;

/**
 * An alias's targets are not acceptable: none, too many, one that is not an address, or the alias
 * itself. A kind of its own so a form can show the refusal beside the targets rather than the address.
 */
public class InvalidTargetException extends InvalidInputException {

    public InvalidTargetException(String message) {
        super(message);
    }
}
