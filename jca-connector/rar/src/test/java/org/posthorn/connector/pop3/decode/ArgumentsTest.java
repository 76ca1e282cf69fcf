package org.posthorn.connector.pop3.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void parsesMessageNumbers() {
        ArgumentParser<Pop3Command.Retr> retr = Arguments.message(Pop3Command.Retr::new);
        assertThat(retr.parse("17")).isEqualTo(Parsed.of(new Pop3Command.Retr(17)));
        assertThat(retr.parse("0")).isEqualTo(Parsed.of(new Pop3Command.Retr(0)));
        assertThat(retr.parse("9999999999")).isEqualTo(Parsed.of(new Pop3Command.Retr(9_999_999_999L)));
        for (String bad : new String[] {"", "-1", "+1", "1 2", "x", "١", "99999999999", " 1"}) {
            assertThat(retr.parse(bad)).as(bad).isInstanceOf(Parsed.Malformed.class);
        }
    }

    @Test
    void parsesOptionalMessageNumbers() {
        ArgumentParser<Pop3Command.ListMessages> list = Arguments.optionalMessage(Pop3Command.ListMessages::new);
        assertThat(list.parse("")).isEqualTo(Parsed.of(new Pop3Command.ListMessages(OptionalLong.empty())));
        assertThat(list.parse("3")).isEqualTo(Parsed.of(new Pop3Command.ListMessages(OptionalLong.of(3))));
        assertThat(list.parse("three")).isInstanceOf(Parsed.Malformed.class);
    }

    @Test
    void parsesTop() {
        assertThat(Arguments.top().parse("2 10")).isEqualTo(Parsed.of(new Pop3Command.Top(2, 10)));
        assertThat(Arguments.top().parse("2 0")).isEqualTo(Parsed.of(new Pop3Command.Top(2, 0)));
        for (String bad : new String[] {"", "2", "2 ", "2  10", "2 10 1", "2 -1", "a b"}) {
            assertThat(Arguments.top().parse(bad)).as(bad).isInstanceOf(Parsed.Malformed.class);
        }
    }

    @Test
    void commandsWithoutArgumentsRefuseThem() {
        assertThat(Arguments.none(Pop3Command.Stat::new).parse("")).isEqualTo(Parsed.of(new Pop3Command.Stat()));
        assertThat(Arguments.none(Pop3Command.Stat::new).parse("1")).isEqualTo(Parsed.malformed("No arguments expected"));
    }

    @Test
    void userAndPassTakeTheRestOfTheLine() {
        assertThat(Arguments.user().parse("alice@example.test")).isEqualTo(Parsed.of(new Pop3Command.User("alice@example.test")));
        assertThat(Arguments.user().parse("")).isInstanceOf(Parsed.Malformed.class);
        assertThat(Arguments.pass().parse("with two  spaces")).isEqualTo(Parsed.of(new Pop3Command.Pass("with two  spaces")));
        assertThat(new Pop3Command.Pass("secret").toString()).doesNotContain("secret");
    }

    @Test
    void parsesAuth() {
        assertThat(Arguments.auth().parse("")).isEqualTo(Parsed.of(new Pop3Command.Auth(Optional.empty(), Optional.empty())));
        assertThat(Arguments.auth().parse("PLAIN")).isEqualTo(Parsed.of(new Pop3Command.Auth(Optional.of("PLAIN"), Optional.empty())));
        assertThat(Arguments.auth().parse("PLAIN AGFsaWNl"))
                .isEqualTo(Parsed.of(new Pop3Command.Auth(Optional.of("PLAIN"), Optional.of("AGFsaWNl"))));
        assertThat(Arguments.auth().parse("PLAIN a b")).isInstanceOf(Parsed.Malformed.class);
        assertThat(Arguments.auth().parse(" PLAIN")).isInstanceOf(Parsed.Malformed.class);
        assertThat(new Pop3Command.Auth(Optional.of("PLAIN"), Optional.of("AGFsaWNl")).toString()).doesNotContain("AGFsaWNl");
    }
}
