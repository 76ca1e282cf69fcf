package org.posthorn.ejb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.posthorn.ejb.directory.InvalidInputException;

class AccountSearchTest {

    @Test
    void blankMatchesEverything() {
        assertThat(AccountSearch.of(null, 0, 10).likePattern()).isNull();
        assertThat(AccountSearch.of("  ", 0, 10).likePattern()).isNull();
    }

    @Test
    void textIsLowerCasedTrimmedAndWildcardsAreEscaped() {
        assertThat(AccountSearch.of("  Alice ", 0, 10).likePattern()).isEqualTo("%alice%");
        assertThat(AccountSearch.of("50%_off\\", 0, 10).likePattern()).isEqualTo("%50\\%\\_off\\\\%");
    }

    @Test
    void boundsAreChecked() {
        assertThrows(InvalidInputException.class, () -> AccountSearch.of(null, -1, 10));
        assertThrows(InvalidInputException.class, () -> AccountSearch.of(null, 0, 0));
        assertThrows(InvalidInputException.class, () -> AccountSearch.of("x".repeat(257), 0, 10));
    }
}
