package org.posthorn.connector.pop3.command;

import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.pop3.Pop3Config;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.auth.Throttles;
import org.posthorn.connector.pop3.SyncPostOffice;
import org.posthorn.connector.pop3.decode.Arguments;
import org.posthorn.connector.pop3.decode.Pop3Command;

class CommandTableTest {

    private final CommandTable table = CommandTable.standard(new SyncPostOffice(), new MaildropLocks(), Throttles.standard(), ScramServers.ephemeral(),
            new Pop3Config("h", Duration.ofMinutes(10), Duration.ZERO, 5, PlaintextAuthPolicy.LOOPBACK), false);

    private Set<String> verbs(Predicate<CommandSpec<?>> which) {
        return table.commands().stream().filter(which).map(CommandSpec::verb).collect(Collectors.toSet());
    }

    @Test
    void statesFollowRfc1939() {
        var byVerb = table.commands().stream().collect(Collectors.toMap(CommandSpec::verb, Function.identity()));
        assertThat(byVerb.keySet()).containsExactlyInAnyOrder(
                "CAPA", "USER", "PASS", "AUTH", "STAT", "LIST", "RETR", "TOP", "UIDL", "DELE", "RSET", "NOOP", "QUIT");
        assertThat(verbs(s -> s.states().equals(EnumSet.of(Pop3State.AUTHORIZATION))))
                .containsExactlyInAnyOrder("USER", "PASS", "AUTH");
        assertThat(verbs(s -> s.states().equals(EnumSet.of(Pop3State.TRANSACTION))))
                .containsExactlyInAnyOrder("STAT", "LIST", "RETR", "TOP", "UIDL", "DELE", "RSET");
        assertThat(verbs(s -> s.states().size() == 2)).containsExactlyInAnyOrder("CAPA", "NOOP", "QUIT");
        assertThat(verbs(s -> s.states().contains(Pop3State.UPDATE))).isEmpty();
    }

    @Test
    void beforeTlsOnlyWhatFindsAndStartsTlsIsAllowed() {
        assertThat(verbs(CommandSpec::allowedBeforeTls)).containsExactlyInAnyOrder("CAPA", "NOOP", "QUIT");
    }

    @Test
    void aVerbAppearsOnce() {
        CommandSpec<Pop3Command.Noop> noop = CommandSpec.anyState("NOOP", Arguments.none(Pop3Command.Noop::new),
                (c, s) -> Outcome.ok(""), true);
        assertThatThrownBy(() -> new CommandTable(List.of(noop, noop), PlaintextAuthPolicy.LOOPBACK)).isInstanceOf(IllegalArgumentException.class);
    }
}
