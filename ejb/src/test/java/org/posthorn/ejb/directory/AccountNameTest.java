package org.posthorn.ejb.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.posthorn.spi.MailAddress;

class AccountNameTest {

    @Test
    void normalisesLocalPartAndDomainToLowerCase() {
        assertThat(AccountName.parseAddress("John.Doe@Example.ORG")).isEqualTo("john.doe@example.org");
    }

    @Test
    void acceptsEveryAtextSpecialCharacter() {
        assertThat(AccountName.parseAddress("a!#$%&'*+-/=?^_`{|}~z@example.org"))
                .isEqualTo("a!#$%&'*+-/=?^_`{|}~z@example.org");
    }

    @Test
    void acceptsALocalPartOf64OctetsAndRejects65() {
        assertThat(AccountName.parseAddress("a".repeat(64) + "@example.org")).startsWith("aaaa");
        assertThatThrownBy(() -> AccountName.parseAddress("a".repeat(65) + "@example.org"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("longer than 64 octets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@example.org", ".john@example.org", "john.@example.org", "jo..hn@example.org",
            "\"john doe\"@example.org", "jo hn@example.org", "jo(hn)@example.org", "jo\r\nhn@example.org",
            "jö@example.org", "jo,hn@example.org"})
    void rejectsLocalPartsThatAreNotDotAtoms(String address) {
        assertThatThrownBy(() -> AccountName.parseAddress(address)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("invalid local part");
    }

    @Test
    void rejectsAnAddressWithoutAtOrWithABadDomain() {
        assertThatThrownBy(() -> AccountName.parseAddress("john")).hasMessageContaining("local-part@domain");
        assertThatThrownBy(() -> AccountName.parseAddress("john@localhost")).hasMessageContaining("two labels");
    }

    @Test
    void parseAcceptsTheAdminLoginButParseAddressDoesNot() {
        assertThat(AccountName.parse("ADMIN")).isEqualTo(AccountName.ADMIN);
        assertThatThrownBy(() -> AccountName.parseAddress("admin")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void loginsAreNormalisedForLookupWithoutThrowing() {
        assertThat(AccountName.ofLogin("Admin")).contains("admin");
        assertThat(AccountName.ofLogin("Bob@Example.Org")).contains("bob@example.org");
        assertThat(AccountName.ofLogin("bob")).isEmpty();
        assertThat(AccountName.ofLogin("bob@")).isEmpty();
        assertThat(AccountName.ofLogin(null)).isEmpty();
    }

    @Test
    void recipientsAreLookedUpCaseInsensitively() {
        assertThat(AccountName.ofRecipient(new MailAddress("PostMaster", "EXAMPLE.org")))
                .contains("postmaster@example.org");
    }

    @Test
    void domainOfANameIsEmptyForAdmin() {
        assertThat(AccountName.domainOf("bob@example.org")).contains("example.org");
        assertThat(AccountName.domainOf("admin")).isEmpty();
    }
}
