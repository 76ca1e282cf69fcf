package org.posthorn.ejb.admin;

import org.posthorn.ejb.directory.AccountName;
import org.posthorn.ejb.directory.InvalidInputException;

/**
 * Checks the plain values of an account change. Display names may end up in header fields and log
 * lines, so they may not contain control characters (CR and LF above all).
 */
final class AccountValues {

    private AccountValues() {
    }

    /** @throws InvalidInputException naming the first unacceptable value */
    static void check(AccountChanges changes) {
        changes.displayName().ifPresent(AccountValues::checkDisplayName);
        changes.quotaBytes().ifPresent(quota -> {
            if (quota != null && quota <= 0) {
                throw new InvalidInputException("quotaBytes must be positive, or null for no quota");
            }
        });
        changes.enabled().ifPresent(enabled -> {
            if (enabled == null) {
                throw new InvalidInputException("enabled must be true or false");
            }
        });
        changes.role().ifPresent(role -> {
            if (role == null) {
                throw new InvalidInputException("role must be USER or ADMIN");
            }
        });
    }

    static void checkDisplayName(String displayName) {
        if (displayName == null) {
            return;
        }
        if (displayName.length() > AccountName.MAX_DISPLAY_NAME_LENGTH) {
            throw new InvalidInputException("displayName must have at most "
                    + AccountName.MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        if (displayName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("displayName must not contain control characters");
        }
    }
}
