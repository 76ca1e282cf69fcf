package org.posthorn.connector.pop3.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.pop3.InMemoryMaildrops.DeleteMode;

class QuitTest {

    private final Harness pop = new Harness().loggedIn();

    private List<Long> ids(int... numbers) {
        var stored = pop.maildrops.messages(ALICE);
        return Arrays.stream(numbers).mapToObj(n -> stored.get(n - 1).id()).toList();
    }

    @Test
    void quitRemovesTheMarkedMessagesInOneCall() {
        List<Long> marked = ids(1, 3);
        pop.send("DELE 1");
        pop.send("DELE 3");
        Harness.Settled quit = pop.send("QUIT");
        assertThat(quit.line()).isEqualTo("+OK pop.example.test POP3 server signing off (1 message left)");
        assertThat(quit.reply().after()).isEqualTo(Outcome.After.CLOSE);
        assertThat(pop.session.state()).isEqualTo(Pop3State.UPDATE);
        assertThat(pop.maildrops.deleteCalls()).containsExactly(marked);
        assertThat(pop.maildrops.messages(ALICE)).hasSize(1);
    }

    @Test
    void quitWithoutMarksCallsNothing() {
        assertThat(pop.send("QUIT").line()).isEqualTo("+OK pop.example.test POP3 server signing off (3 messages left)");
        assertThat(pop.maildrops.deleteCalls()).isEmpty();
    }

    @Test
    void aRefusedRemovalLosesNothing() {
        pop.maildrops.deleteMode(DeleteMode.REFUSE_TEMPORARILY);
        pop.send("DELE 2");
        Harness.Settled quit = pop.send("QUIT");
        assertThat(quit.line()).isEqualTo("-ERR [SYS/TEMP] Some deleted messages not removed");
        assertThat(quit.reply().after()).isEqualTo(Outcome.After.CLOSE);
        assertThat(pop.maildrops.messages(ALICE)).hasSize(3);
    }

    @Test
    void aFailedRemovalLosesNothing() {
        pop.maildrops.deleteMode(DeleteMode.THROW);
        pop.send("DELE 2");
        Harness.Settled quit = pop.send("QUIT");
        assertThat(quit.line()).isEqualTo("-ERR [SYS/TEMP] Some deleted messages not removed, try again later");
        assertThat(quit.reply().after()).isEqualTo(Outcome.After.CLOSE);
        assertThat(pop.maildrops.messages(ALICE)).hasSize(3);
    }

    @Test
    void rsetBeforeQuitRemovesNothing() {
        pop.send("DELE 1");
        pop.send("RSET");
        pop.send("QUIT");
        assertThat(pop.maildrops.deleteCalls()).isEmpty();
    }
}
