package org.posthorn.ejb.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    @Test
    void lowerCasesAValidName() {
        assertThat(DomainName.parse("Mail.Example.ORG")).isEqualTo("mail.example.org");
    }

    @Test
    void convertsAnInternationalisedNameToItsALabels() {
        assertThat(DomainName.parse("bücher.example")).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void acceptsLabelsOfSixtyThreeCharactersAndNamesOf253() {
        String label63 = "a".repeat(63);
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        assertThat(name253).hasSize(253);
        assertThat(DomainName.parse(name253)).isEqualTo(name253);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example..org", ".example.org", "example.org.", "-a.example.org",
            "a-.example.org", "exa_mple.org", "exa mple.org", "example.org\r\nX: y", "192.168.1.1", "a@b.org"})
    void rejectsNamesThatAreNotHostNames(String name) {
        assertThatThrownBy(() -> DomainName.parse(name)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("invalid domain name");
    }

    @Test
    void rejectsALabelOfSixtyFourCharacters() {
        assertThatThrownBy(() -> DomainName.parse("a".repeat(64) + ".org"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("label longer than 63");
    }

    @Test
    void rejectsANameOf254Characters() {
        String label63 = "a".repeat(63);
        String name254 = String.join(".", label63, label63, label63, "a".repeat(62));
        assertThatThrownBy(() -> DomainName.parse(name254)).hasMessageContaining("longer than 253");
    }

    @Test
    void rejectsAnEmptyName() {
        assertThatThrownBy(() -> DomainName.parse("")).isInstanceOf(InvalidInputException.class)
                .hasMessage("domain name is empty");
    }

    @Test
    void normalizeIsLenientButNeverInventsAName() {
        assertThat(DomainName.normalize("EXAMPLE.org")).contains("example.org");
        assertThat(DomainName.normalize("not a domain")).isEmpty();
        assertThat(DomainName.normalize(null)).isEmpty();
    }
}
