package org.posthorn.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.posthorn.ejb.admin.AccountChanges;
import org.posthorn.ejb.admin.DomainChanges;
import org.posthorn.ejb.admin.Patch;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.ejb.directory.Role;

class RequestBodiesTest {

    @Test
    void missingMembersAreAbsentAndNullMembersClear() {
        AccountChanges changes = RequestBodies.accountChanges("{\"displayName\": null, \"quotaBytes\": 5000}");

        assertThat(changes.password()).isEqualTo(Patch.absent());
        assertThat(changes.displayName()).isEqualTo(Patch.of(null));
        assertThat(changes.quotaBytes()).isEqualTo(Patch.of(5000L));
        assertThat(changes.enabled().present()).isFalse();
        assertThat(changes.role().present()).isFalse();
    }

    @Test
    void readsEveryAccountMember() {
        AccountChanges changes = RequestBodies.accountChanges(
                "{\"password\":\"p4ssw0rd!\",\"displayName\":\"Bob\",\"quotaBytes\":null,\"enabled\":false,"
                        + "\"role\":\"admin\",\"unknown\":[1,2]}");

        assertThat(changes.password()).isEqualTo(Patch.of("p4ssw0rd!"));
        assertThat(changes.displayName()).isEqualTo(Patch.of("Bob"));
        assertThat(changes.quotaBytes()).isEqualTo(Patch.of(null));
        assertThat(changes.enabled()).isEqualTo(Patch.of(false));
        assertThat(changes.role()).isEqualTo(Patch.of(Role.ADMIN));
    }

    @Test
    void anEmptyBodyChangesNothing() {
        assertThat(RequestBodies.domainChanges("")).isEqualTo(DomainChanges.none());
        assertThat(RequestBodies.domainChanges(null)).isEqualTo(DomainChanges.none());
        assertThat(RequestBodies.domainChanges("{\"enabled\": true}").enabled()).isEqualTo(Patch.of(true));
    }

    @Test
    void malformedOrMistypedBodiesAreInvalidInput() {
        assertThatThrownBy(() -> RequestBodies.accountChanges("{not json")).isInstanceOf(InvalidInputException.class)
                .hasMessage("the request body must be a JSON object");
        assertThatThrownBy(() -> RequestBodies.accountChanges("[1]")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RequestBodies.accountChanges("{\"password\": 12345678}"))
                .hasMessage("password must be a string");
        assertThatThrownBy(() -> RequestBodies.accountChanges("{\"quotaBytes\": 1.5}"))
                .hasMessageContaining("quotaBytes must be a whole number");
        assertThatThrownBy(() -> RequestBodies.accountChanges("{\"quotaBytes\": \"many\"}"))
                .hasMessage("quotaBytes must be a number");
        assertThatThrownBy(() -> RequestBodies.accountChanges("{\"enabled\": \"yes\"}"))
                .hasMessage("enabled must be true or false");
        assertThatThrownBy(() -> RequestBodies.accountChanges("{\"role\": \"ROOT\"}"))
                .hasMessage("role must be USER or ADMIN");
        assertThatThrownBy(() -> RequestBodies.domainChanges("{\"enabled\": null}"))
                .hasMessage("enabled must be true or false");
    }

    @Test
    void aliasTargetsAreAnArrayOfStrings() {
        assertThat(RequestBodies.aliasTargets("{\"targets\": [\"a@example.org\", \"b@remote.example\"]}"))
                .containsExactly("a@example.org", "b@remote.example");
        assertThat(RequestBodies.aliasTargets("{\"targets\": []}")).isEmpty();
        assertThatThrownBy(() -> RequestBodies.aliasTargets("{}")).isInstanceOf(InvalidInputException.class)
                .hasMessage("targets must be an array of addresses");
        assertThatThrownBy(() -> RequestBodies.aliasTargets("{\"targets\": \"a@example.org\"}"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RequestBodies.aliasTargets("{\"targets\": [1]}")).isInstanceOf(InvalidInputException.class);
    }
}
