package org.posthorn.connector.pop3.command;

import org.posthorn.connector.auth.PlaintextAuthPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.posthorn.connector.pop3.decode.InputLine;

class DispatcherTest {

    private final Harness pop = new Harness();

    @ParameterizedTest
    @ValueSource(strings = {"STAT", "LIST", "LIST 1", "RETR 1", "TOP 1 1", "UIDL", "DELE 1", "RSET"})
    void transactionCommandsAreRefusedBeforeLogin(String command) {
        Harness.Settled refused = pop.send(command);
        assertThat(refused.line()).isEqualTo("-ERR " + command.split(" ")[0] + " not valid in this state");
        assertThat(refused.reply().after()).isEqualTo(Outcome.After.BAD_COMMAND);
        assertThat(pop.postOffice.calls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"USER alice", "PASS x", "AUTH PLAIN"})
    void authorizationCommandsAreRefusedAfterLogin(String command) {
        pop.loggedIn();
        assertThat(pop.send(command).line()).isEqualTo("-ERR " + command.split(" ")[0] + " not valid in this state");
    }

    @Test
    void unknownCommandsAreNamedSafely() {
        assertThat(pop.send("APOP alice 0123").line()).isEqualTo("-ERR Unknown command APOP");
        assertThat(pop.send("XYZZY\u00e9\u2028").line()).isEqualTo("-ERR Unknown command XYZZY??");
        assertThat(pop.send("A".repeat(100)).line()).isEqualTo("-ERR Unknown command " + "A".repeat(16) + "...");
    }

    @Test
    void argumentErrorsAreBadCommands() {
        pop.loggedIn();
        Harness.Settled bad = pop.send("RETR one");
        assertThat(bad.line()).isEqualTo("-ERR Message number expected");
        assertThat(bad.reply().after()).isEqualTo(Outcome.After.BAD_COMMAND);
        assertThat(pop.send("NOOP x").line()).isEqualTo("-ERR No arguments expected");
    }

    @Test
    void tooManyBadCommandsCloseTheConnection() {
        for (int i = 1; i < Harness.MAX_ERRORS; i++) {
            assertThat(pop.send("BOGUS").reply().after()).isEqualTo(Outcome.After.BAD_COMMAND);
        }
        Harness.Settled last = pop.send("BOGUS");
        assertThat(last.line()).isEqualTo("-ERR Too many bad commands, closing connection");
        assertThat(last.reply().after()).isEqualTo(Outcome.After.CLOSE);
    }

    @Test
    void failedLoginsCountAsBadCommands() {
        for (int i = 1; i < Harness.MAX_ERRORS; i++) {
            pop.send("USER alice@example.test");
            assertThat(pop.send("PASS wrong").line()).isEqualTo("-ERR [AUTH] Authentication failed");
        }
        pop.send("USER alice@example.test");
        assertThat(pop.send("PASS wrong").reply().after()).isEqualTo(Outcome.After.CLOSE);
    }

    @Test
    void aLineTooLongIsABadCommandAndEndsASaslExchange() {
        pop.send("AUTH PLAIN");
        Harness.Settled tooLong = pop.settle(pop.dispatcher.process(new InputLine.TooLong(), pop.session));
        assertThat(tooLong.line()).isEqualTo("-ERR Line too long");
        assertThat(pop.send("NOOP").line()).isEqualTo("+OK");
    }

    @Test
    void aSaslResponseIsNotTakenForACommand() {
        pop.send("AUTH PLAIN");
        assertThat(pop.send("QUIT").line()).isEqualTo("-ERR Malformed PLAIN message");
        pop.send("AUTH PLAIN");
        assertThat(pop.send("QUIT!").line()).isEqualTo("-ERR Invalid base64 in SASL response");
        assertThat(pop.send("QUIT").reply().after()).isEqualTo(Outcome.After.CLOSE);
    }

    @Test
    void noopWorksInBothStates() {
        assertThat(pop.send("noop").wire()).isEqualTo("+OK\r\n");
        pop.loggedIn();
        assertThat(pop.send("NOOP").wire()).isEqualTo("+OK\r\n");
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> new Pop3Dispatcher(new CommandTable(List.of(), PlaintextAuthPolicy.LOOPBACK), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
