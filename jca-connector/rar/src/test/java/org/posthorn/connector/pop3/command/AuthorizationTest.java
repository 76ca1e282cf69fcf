package org.posthorn.connector.pop3.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE_PASSWORD;
import static org.posthorn.connector.pop3.Pop3Fixtures.BOB;
import static org.posthorn.connector.pop3.Pop3Fixtures.BOB_PASSWORD;
import static org.posthorn.connector.pop3.Pop3Fixtures.FLAKY;
import static org.posthorn.connector.pop3.Pop3Fixtures.MESSAGE_1;
import static org.posthorn.connector.pop3.Pop3Fixtures.MESSAGE_2;
import static org.posthorn.connector.pop3.Pop3Fixtures.MESSAGE_3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.pop3.BrokenMaildrop;
import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.spi.pop3.MaildropListener;

class AuthorizationTest {

    private final Harness pop = new Harness();

    private static String plain(String authzid, String login, String password) {
        return Base64.getEncoder().encodeToString((authzid + "\0" + login + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userAndPassOpenTheMaildrop() {
        assertThat(pop.send("USER " + ALICE).line()).isEqualTo("+OK send PASS");
        assertThat(pop.send("PASS " + ALICE_PASSWORD).line()).isEqualTo("+OK maildrop has 3 messages (" + totalSize() + " octets)");
        assertThat(pop.session.state()).isEqualTo(Pop3State.TRANSACTION);
        assertThat(pop.session.account()).isEqualTo(ALICE);
        assertThat(pop.locks.isLocked(ALICE)).isTrue();
        assertThat(pop.authenticator.attempts()).singleElement()
                .satisfies(c -> assertThat(c.client().service()).isEqualTo("pop3"));
    }

    @Test
    void passwordsMayContainSpaces() {
        pop.send("USER " + BOB);
        assertThat(pop.send("PASS " + BOB_PASSWORD).line()).isEqualTo("+OK maildrop has 0 messages (0 octets)");
    }

    @Test
    void aWrongPasswordIsAnsweredAfterTheDelayAndCounts() {
        pop.send("USER " + ALICE);
        Harness.Settled wrong = pop.send("PASS guess");
        assertThat(wrong.line()).isEqualTo("-ERR [AUTH] Authentication failed");
        assertThat(wrong.delays()).containsExactly(Harness.DELAY);
        assertThat(wrong.reply().after()).isEqualTo(Outcome.After.BAD_COMMAND);
        assertThat(pop.session.state()).isEqualTo(Pop3State.AUTHORIZATION);
        assertThat(pop.locks.isLocked(ALICE)).isFalse();
    }

    @Test
    void anUnknownUserReadsLikeAWrongPassword() {
        pop.send("USER nobody@example.test");
        Harness.Settled unknown = pop.send("PASS whatever");
        assertThat(unknown.line()).isEqualTo("-ERR [AUTH] Authentication failed");
        assertThat(unknown.delays()).containsExactly(Harness.DELAY);
    }

    @Test
    void passNeedsAFreshUser() {
        assertThat(pop.send("PASS " + ALICE_PASSWORD).line()).isEqualTo("-ERR USER first");
        pop.send("USER " + ALICE);
        pop.send("PASS wrong");
        assertThat(pop.send("PASS " + ALICE_PASSWORD).line()).isEqualTo("-ERR USER first");
    }

    @Test
    void aStoreThatIsDownSaysTryAgainLaterWithoutDelay() {
        pop.send("USER " + FLAKY);
        Harness.Settled down = pop.send("PASS x");
        assertThat(down.line()).isEqualTo("-ERR [SYS/TEMP] Temporary failure, try again later");
        assertThat(down.delays()).isEmpty();
    }

    @Test
    void aSecondSessionFindsTheMaildropLocked() {
        pop.loggedIn();
        Harness second = new Harness(pop.locks);
        second.send("USER " + ALICE);
        assertThat(second.send("PASS " + ALICE_PASSWORD).line()).isEqualTo("-ERR [IN-USE] Maildrop already locked");
        assertThat(second.session.state()).isEqualTo(Pop3State.AUTHORIZATION);

        pop.session.releaseLock();
        second.send("USER " + ALICE);
        assertThat(second.send("PASS " + ALICE_PASSWORD).line()).startsWith("+OK maildrop has 3 messages");
    }

    @Test
    void aFailedListingReleasesTheLock() {
        pop.postOffice.with(MaildropListener.class, new BrokenMaildrop());
        pop.send("USER " + ALICE);
        assertThat(pop.send("PASS " + ALICE_PASSWORD).line()).isEqualTo("-ERR [SYS/TEMP] Temporary failure, try again later");
        assertThat(pop.locks.isLocked(ALICE)).isFalse();
        assertThat(pop.session.state()).isEqualTo(Pop3State.AUTHORIZATION);
    }

    @Test
    void authPlainWithAnInitialResponse() {
        assertThat(pop.send("AUTH PLAIN " + plain("", ALICE, ALICE_PASSWORD)).line()).startsWith("+OK maildrop has 3 messages");
        assertThat(pop.session.state()).isEqualTo(Pop3State.TRANSACTION);
    }

    @Test
    void authPlainWithAContinuation() {
        Harness.Settled challenge = pop.send("auth plain");
        assertThat(challenge.wire()).isEqualTo("+ \r\n");
        assertThat(pop.send(plain(ALICE, ALICE, ALICE_PASSWORD)).line()).startsWith("+OK maildrop has 3 messages");
    }

    @Test
    void authPlainCanBeCancelled() {
        pop.send("AUTH PLAIN");
        Harness.Settled cancelled = pop.send("*");
        assertThat(cancelled.line()).isEqualTo("-ERR Authentication cancelled");
        assertThat(cancelled.reply().after()).isEqualTo(Outcome.After.CONTINUE);
        assertThat(pop.send("NOOP").line()).isEqualTo("+OK");
    }

    @Test
    void authPlainRejectsBadBase64MalformedMessagesAndOtherIdentities() {
        pop.send("AUTH PLAIN");
        assertThat(pop.send("%%%").line()).isEqualTo("-ERR Invalid base64 in SASL response");
        assertThat(pop.send("AUTH PLAIN " + Base64.getEncoder().encodeToString("alice".getBytes(StandardCharsets.US_ASCII))).line())
                .isEqualTo("-ERR Malformed PLAIN message");
        Harness.Settled proxy = pop.send("AUTH PLAIN " + plain(BOB, ALICE, ALICE_PASSWORD));
        assertThat(proxy.line()).isEqualTo("-ERR [AUTH] Authentication failed");
        assertThat(proxy.delays()).containsExactly(Harness.DELAY);
        Harness.Settled wrong = pop.send("AUTH PLAIN " + plain("", ALICE, "wrong"));
        assertThat(wrong.line()).isEqualTo("-ERR [AUTH] Authentication failed");
        // The second failure from the address in a row waits twice as long.
        assertThat(wrong.delays()).containsExactly(Harness.DELAY.multipliedBy(2));
    }

    @Test
    void authOffersPlainAndScram() {
        assertThat(pop.send("AUTH CRAM-MD5").line()).isEqualTo("-ERR Unsupported authentication mechanism");
        assertThat(pop.send("AUTH").wire()).isEqualTo("+OK Supported mechanisms follow\r\nPLAIN\r\nSCRAM-SHA-256\r\n.\r\n");
    }

    @Test
    void capaListsTheCapabilitiesInBothStates() {
        String expected = "+OK Capability list follows\r\nTOP\r\nUSER\r\nUIDL\r\nRESP-CODES\r\nAUTH-RESP-CODE\r\n"
                + "SASL PLAIN SCRAM-SHA-256\r\nPIPELINING\r\nIMPLEMENTATION Posthorn\r\n.\r\n";
        assertThat(pop.send("CAPA").wire()).isEqualTo(expected);
        pop.loggedIn();
        assertThat(pop.send("CAPA").wire()).isEqualTo(expected);
    }

    @Test
    void quitBeforeLoginJustSignsOff() {
        Harness.Settled quit = pop.send("QUIT");
        assertThat(quit.line()).isEqualTo("+OK pop.example.test POP3 server signing off");
        assertThat(quit.reply().after()).isEqualTo(Outcome.After.CLOSE);
        assertThat(pop.maildrops.deleteCalls()).isEmpty();
    }

    @Test
    void theResponseToAFailedLoginIsAFixedText() {
        pop.send("USER evil\u00e9");
        assertThat(pop.send("PASS x").reply().response()).isEqualTo(Replies.AUTHENTICATION_FAILED)
                .isInstanceOf(Pop3Response.Err.class);
    }

    private static long totalSize() {
        return MESSAGE_1.length() + MESSAGE_2.length() + MESSAGE_3.length();
    }
}
