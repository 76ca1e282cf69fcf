package org.posthorn.ejb.auth;

import java.util.Optional;
import org.posthorn.ejb.directory.InvalidInputException;

/**
 * What a new password must be: 8 to 1024 characters, none of them a control character. Control
 * characters are refused because SASL PLAIN (RFC 4616 §2) separates its fields with NUL and a
 * password containing one could never be used there.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    /** @throws InvalidInputException saying what is wrong, never repeating the password */
    public static void check(String password) {
        Optional<String> problem = problemWith(password);
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get());
        }
    }

    /** Whether {@link #check} would pass. */
    public static boolean accepts(String password) {
        return problemWith(password).isEmpty();
    }

    private static Optional<String> problemWith(String password) {
        if (password == null) {
            return Optional.of("password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password must have at most " + MAX_LENGTH + " characters");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("password must not contain control characters");
        }
        return Optional.empty();
    }
}
