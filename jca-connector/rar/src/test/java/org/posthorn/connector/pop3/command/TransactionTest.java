package org.posthorn.connector.pop3.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE;
import static org.posthorn.connector.pop3.Pop3Fixtures.MESSAGE_1;
import static org.posthorn.connector.pop3.Pop3Fixtures.MESSAGE_2;
import static org.posthorn.connector.pop3.Pop3Fixtures.MESSAGE_3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.pop3.BrokenMaildrop;
import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.spi.pop3.MaildropListener;

class TransactionTest {

    private final Harness pop = new Harness().loggedIn();
    private final int size1 = MESSAGE_1.length();
    private final int size2 = MESSAGE_2.length();
    private final int size3 = MESSAGE_3.length();

    @Test
    void statCountsTheMessagesNotMarkedDeleted() {
        assertThat(pop.send("STAT").line()).isEqualTo("+OK 3 " + (size1 + size2 + size3));
        pop.send("DELE 2");
        assertThat(pop.send("STAT").line()).isEqualTo("+OK 2 " + (size1 + size3));
    }

    @Test
    void listShowsOneOrAllMessages() {
        assertThat(pop.send("LIST").wire()).isEqualTo("+OK 3 messages (" + (size1 + size2 + size3) + " octets)\r\n"
                + "1 " + size1 + "\r\n2 " + size2 + "\r\n3 " + size3 + "\r\n.\r\n");
        assertThat(pop.send("LIST 2").line()).isEqualTo("+OK 2 " + size2);
        assertThat(pop.send("LIST 4").line()).isEqualTo("-ERR no such message");
        assertThat(pop.send("LIST 0").line()).isEqualTo("-ERR no such message");
        pop.send("DELE 1");
        assertThat(pop.send("LIST").wire()).isEqualTo("+OK 2 messages (" + (size2 + size3) + " octets)\r\n"
                + "2 " + size2 + "\r\n3 " + size3 + "\r\n.\r\n");
        assertThat(pop.send("LIST 1").line()).isEqualTo("-ERR message 1 already deleted");
    }

    @Test
    void uidlShowsTheUniqueIds() {
        assertThat(pop.send("UIDL").wire()).isEqualTo("+OK unique-id listing follows\r\n1 uid-1\r\n2 uid-2\r\n3 uid-3\r\n.\r\n");
        assertThat(pop.send("UIDL 3").line()).isEqualTo("+OK 3 uid-3");
        pop.send("DELE 3");
        assertThat(pop.send("UIDL 3").line()).isEqualTo("-ERR message 3 already deleted");
        assertThat(pop.send("UIDL").wire()).isEqualTo("+OK unique-id listing follows\r\n1 uid-1\r\n2 uid-2\r\n.\r\n");
    }

    @Test
    void retrSendsTheStoredMessage() throws IOException {
        Harness.Settled retr = pop.send("RETR 2");
        assertThat(retr.line()).isEqualTo("+OK " + size2 + " octets");
        Pop3Response.Message message = (Pop3Response.Message) retr.reply().response();
        assertThat(new String(message.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(MESSAGE_2);
        assertThat(message.bodyLines()).isEmpty();
    }

    @Test
    void topAsksForTheHeaderAndSomeLines() {
        Harness.Settled top = pop.send("TOP 1 2");
        assertThat(top.line()).isEqualTo("+OK top of message follows");
        assertThat(((Pop3Response.Message) top.reply().response()).bodyLines()).isEqualTo(OptionalLong.of(2));
        assertThat(pop.send("TOP 1").line()).isEqualTo("-ERR TOP needs a message number and a line count");
    }

    @Test
    void deletedMessagesCannotBeRetrievedOrDeletedAgain() {
        assertThat(pop.send("DELE 3").line()).isEqualTo("+OK message 3 deleted");
        assertThat(pop.send("RETR 3").line()).isEqualTo("-ERR message 3 already deleted");
        assertThat(pop.send("TOP 3 0").line()).isEqualTo("-ERR message 3 already deleted");
        assertThat(pop.send("DELE 3").line()).isEqualTo("-ERR message 3 already deleted");
        assertThat(pop.send("DELE 9").line()).isEqualTo("-ERR no such message");
        assertThat(pop.postOffice.calls()).isEqualTo(2);
    }

    @Test
    void rsetUnmarksEverything() {
        pop.send("DELE 1");
        pop.send("DELE 2");
        assertThat(pop.send("RSET").line()).isEqualTo("+OK maildrop has 3 messages (" + (size1 + size2 + size3) + " octets)");
        assertThat(pop.send("RETR 1").line()).startsWith("+OK");
    }

    @Test
    void aMessageRemovedMeanwhileIsAnError() {
        long id = pop.maildrops.messages(ALICE).get(0).id();
        pop.maildrops.removeNow(ALICE, id);
        assertThat(pop.send("RETR 1").line()).isEqualTo("-ERR message 1 no longer exists");
        assertThat(pop.send("LIST 1").line()).isEqualTo("+OK 1 " + size1);
    }

    @Test
    void aFailingStoreSaysTryAgainLater() {
        pop.postOffice.with(MaildropListener.class, new BrokenMaildrop());
        assertThat(pop.send("RETR 1").line()).isEqualTo("-ERR [SYS/TEMP] Temporary failure, try again later");
        assertThat(pop.session.state()).isEqualTo(Pop3State.TRANSACTION);
    }

    @Test
    void nothingIsRemovedBeforeQuit() {
        pop.send("DELE 1");
        pop.send("DELE 2");
        assertThat(pop.maildrops.deleteCalls()).isEmpty();
        assertThat(pop.maildrops.messages(ALICE)).hasSize(3);
    }
}
