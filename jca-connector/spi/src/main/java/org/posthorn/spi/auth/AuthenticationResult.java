package org.posthorn.spi.auth;

import java.util.Objects;
import java.util.Optional;
import org.posthorn.spi.MailError;

/**
 * The answer to one login attempt.
 *
 * @param account the canonical account name (lower case) when the login succeeded
 * @param error   {@code AUTHENTICATION_FAILED} for a wrong login or password or a disabled account
 *                (they read the same), {@code TEMPORARY_FAILURE} when the store is unavailable
 */
public record AuthenticationResult(Optional<String> account, Optional<MailError> error) {

    public AuthenticationResult {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(error, "error");
        if (account.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("exactly one of account and error");
        }
    }

    public static AuthenticationResult success(String account) {
        return new AuthenticationResult(Optional.of(account), Optional.empty());
    }

    public static AuthenticationResult failure(MailError error) {
        return new AuthenticationResult(Optional.empty(), Optional.of(error));
    }

    public boolean succeeded() {
        return account.isPresent();
    }
}
