package org.posthorn.ejb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.posthorn.ejb.directory.InvalidInputException;

class PasswordPolicyTest {

    @Test
    void acceptsEightToTenTwentyFourCharacters() {
        assertThat(PasswordPolicy.accepts("12345678")).isTrue();
        assertThat(PasswordPolicy.accepts("x".repeat(1024))).isTrue();
    }

    @Test
    void rejectsTooShortAndTooLongWithoutRepeatingThePassword() {
        assertThatThrownBy(() -> PasswordPolicy.check("1234567")).isInstanceOf(InvalidInputException.class)
                .hasMessage("password must have at least 8 characters");
        assertThatThrownBy(() -> PasswordPolicy.check("y".repeat(1025)))
                .hasMessage("password must have at most 1024 characters");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // Eight emoji are sixteen UTF-16 units but eight characters.
        assertThat(PasswordPolicy.accepts("😀".repeat(8))).isTrue();
        assertThat(PasswordPolicy.accepts("😀".repeat(7))).isFalse();
    }

    @Test
    void rejectsControlCharactersAndNull() {
        assertThatThrownBy(() -> PasswordPolicy.check("secret\u0000password"))
                .hasMessage("password must not contain control characters");
        assertThatThrownBy(() -> PasswordPolicy.check(null)).hasMessage("password is required");
    }
}
