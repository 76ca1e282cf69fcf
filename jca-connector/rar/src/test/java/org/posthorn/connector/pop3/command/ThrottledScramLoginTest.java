package org.posthorn.connector.pop3.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.auth.ScramTestVector.CLIENT_FINAL;
import static org.posthorn.connector.auth.ScramTestVector.CLIENT_FIRST;
import static org.posthorn.connector.auth.ScramTestVector.SERVER_FINAL;
import static org.posthorn.connector.auth.ScramTestVector.USER;
import static org.posthorn.connector.auth.ScramTestVector.base64;
import static org.posthorn.connector.pop3.Pop3Fixtures.FLAKY;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.auth.FakeClock;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ThrottleLimits;

/**
 * AUTH SCRAM-SHA-256 with the adapter's login throttle, as PLAIN has it: a wrong proof is a failed
 * login (counted, delayed, reported to the post office), wrong proofs and wrong passwords add up, a
 * throttled login is refused before the salt is shown, and a success takes back its own failures.
 */
class ThrottledScramLoginTest {

    private static final String FAILED = "-ERR [AUTH] Authentication failed";
    private static final String WRONG_FINAL = CLIENT_FINAL.replace("p=dHzb", "p=dHzc");

    private final FakeClock clock = new FakeClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new ThrottleLimits(3, Duration.ofMinutes(10), Duration.ofMillis(300), 1000), clock);
    private final MaildropLocks locks = new MaildropLocks();
    private final Harness pop = new Harness(locks, throttle, "192.0.2.66");

    /** The RFC 7677 exchange up to the client's final message, which {@code clientFinal} replaces. */
    private Harness.Settled scram(Harness session, String clientFinal) {
        Harness.Settled serverFirst = session.send("AUTH SCRAM-SHA-256 " + base64(CLIENT_FIRST));
        if (!serverFirst.line().startsWith("+ ")) {
            return serverFirst;
        }
        return session.send(base64(clientFinal));
    }

    @Test
    void wrongProofsWaitLongerAndLongerAndAreReported() {
        assertThat(scram(pop, WRONG_FINAL).delays()).containsExactly(Harness.DELAY);
        Harness.Settled second = scram(pop, WRONG_FINAL);

        assertThat(second.line()).isEqualTo(FAILED);
        assertThat(second.delays()).containsExactly(Harness.DELAY.multipliedBy(2));
        assertThat(second.reply().after()).isEqualTo(Outcome.After.BAD_COMMAND);
        assertThat(pop.authenticator.scramFailures()).containsExactly(USER, USER);
    }

    @Test
    void afterTheLimitEvenTheRightProofIsRefusedBeforeTheSaltIsShown() {
        scram(pop, WRONG_FINAL);
        scram(pop, WRONG_FINAL);
        scram(pop, WRONG_FINAL);

        Harness again = new Harness(locks, throttle, "192.0.2.66");
        Harness.Settled refused = again.send("AUTH SCRAM-SHA-256 " + base64(CLIENT_FIRST));
        assertThat(refused.line()).isEqualTo(FAILED);
        assertThat(refused.delays()).containsExactly(Duration.ofMillis(200));

        Harness elsewhere = new Harness(locks, throttle, "198.51.100.7");
        assertThat(scram(elsewhere, CLIENT_FINAL).line()).isEqualTo(FAILED);
        clock.advance(Duration.ofMinutes(10));
        assertThat(scram(elsewhere, CLIENT_FINAL).line()).isEqualTo("+ " + base64(SERVER_FINAL));
    }

    @Test
    void wrongPasswordsAndWrongProofsAddUp() {
        pop.send("AUTH PLAIN " + base64("\0" + USER + "\0guess"));
        pop.send("AUTH PLAIN " + base64("\0" + USER + "\0another guess"));
        scram(pop, WRONG_FINAL);

        assertThat(pop.send("AUTH SCRAM-SHA-256 " + base64(CLIENT_FIRST)).line()).isEqualTo(FAILED);
    }

    @Test
    void aForeignIdentityCountsAsAFailure() {
        for (int i = 0; i < 3; i++) {
            assertThat(pop.send("AUTH SCRAM-SHA-256 " + base64("n,a=admin,n=user,r=abc")).line()).isEqualTo(FAILED);
        }
        assertThat(throttle.refuses(java.net.InetAddress.getLoopbackAddress(), USER)).isTrue();
    }

    @Test
    void aSuccessTakesBackTheMistypedProofsAndLogsIn() {
        scram(pop, WRONG_FINAL);
        scram(pop, WRONG_FINAL);

        assertThat(scram(pop, CLIENT_FINAL).line()).isEqualTo("+ " + base64(SERVER_FINAL));
        assertThat(pop.send("").line()).isEqualTo("+OK maildrop has 0 messages (0 octets)");
        assertThat(pop.session.state()).isEqualTo(Pop3State.TRANSACTION);
        assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void aStoreThatIsDownIsATemporaryFailureAndDoesNotCount() {
        for (int i = 0; i < 5; i++) {
            Harness.Settled answer = pop.send("AUTH SCRAM-SHA-256 " + base64("n,,n=" + FLAKY + ",r=abc"));
            assertThat(answer.line()).startsWith("-ERR [SYS/TEMP]");
        }
        assertThat(throttle.trackedKeys()).isZero();
    }
}
