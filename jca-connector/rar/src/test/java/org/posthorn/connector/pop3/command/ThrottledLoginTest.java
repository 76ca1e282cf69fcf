package org.posthorn.connector.pop3.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE_PASSWORD;
import static org.posthorn.connector.pop3.Pop3Fixtures.BOB;
import static org.posthorn.connector.pop3.Pop3Fixtures.BOB_PASSWORD;
import static org.posthorn.connector.pop3.Pop3Fixtures.FLAKY;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.auth.FakeClock;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ThrottleLimits;

/**
 * USER/PASS and AUTH PLAIN with the adapter's login throttle: three failures in ten minutes throttle
 * an address or a login name; a throttled login reads exactly like a wrong password and never
 * reaches the password store.
 */
class ThrottledLoginTest {

    private static final String FAILED = "-ERR [AUTH] Authentication failed";

    private final FakeClock clock = new FakeClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new ThrottleLimits(3, Duration.ofMinutes(10), Duration.ofMillis(300), 1000), clock);
    private final MaildropLocks locks = new MaildropLocks();
    private final Harness attacker = new Harness(locks, throttle, "192.0.2.66");

    private static String plain(String login, String password) {
        return Base64.getEncoder().encodeToString(("\0" + login + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Harness.Settled pass(Harness pop, String login, String password) {
        pop.send("USER " + login);
        return pop.send("PASS " + password);
    }

    @Test
    void failedLoginsWaitLongerAndLonger() {
        assertThat(pass(attacker, "a@example.test", "x").delays()).containsExactly(Harness.DELAY);
        assertThat(pass(attacker, "b@example.test", "x").delays()).containsExactly(Harness.DELAY.multipliedBy(2));
        assertThat(pass(attacker, "c@example.test", "x").delays()).containsExactly(Harness.DELAY.multipliedBy(4));
    }

    @Test
    void afterTheLimitEvenTheRightPasswordIsRefusedFromThatAddressWithoutAskingTheStore() {
        pass(attacker, "a@example.test", "x");
        pass(attacker, "b@example.test", "x");
        pass(attacker, "c@example.test", "x");
        int asked = attacker.authenticator.attempts().size();

        Harness.Settled refused = pass(attacker, ALICE, ALICE_PASSWORD);
        assertThat(refused.line()).isEqualTo(FAILED);
        assertThat(refused.delays()).containsExactly(Duration.ofMillis(200));
        assertThat(refused.reply().after()).isEqualTo(Outcome.After.BAD_COMMAND);
        assertThat(attacker.session.state()).isEqualTo(Pop3State.AUTHORIZATION);
        // The fifth bad command would close this connection; the attacker reconnects, to no avail.
        Harness reconnected = new Harness(locks, throttle, "192.0.2.66");
        assertThat(reconnected.send("AUTH PLAIN " + plain(ALICE, ALICE_PASSWORD)).line()).isEqualTo(FAILED);
        assertThat(attacker.authenticator.attempts()).hasSize(asked);
        assertThat(reconnected.authenticator.attempts()).isEmpty();

        Harness elsewhere = new Harness(locks, throttle, "198.51.100.7");
        assertThat(pass(elsewhere, ALICE, ALICE_PASSWORD).line()).startsWith("+OK maildrop has 3 messages");
    }

    @Test
    void anAccountAttackedFromManyAddressesIsRefusedEverywhere() {
        for (int i = 1; i <= 3; i++) {
            Harness bot = new Harness(locks, throttle, "203.0.113." + i);
            assertThat(bot.send("AUTH PLAIN " + plain(BOB, "guess" + i)).line()).isEqualTo(FAILED);
        }
        Harness owner = new Harness(locks, throttle, "198.51.100.7");
        assertThat(pass(owner, BOB, BOB_PASSWORD).line()).isEqualTo(FAILED);
        assertThat(pass(owner, ALICE, ALICE_PASSWORD).line()).startsWith("+OK");

        clock.advance(Duration.ofMinutes(10));
        Harness later = new Harness(locks, throttle, "198.51.100.8");
        assertThat(pass(later, BOB, BOB_PASSWORD).line()).startsWith("+OK");
    }

    @Test
    void aRefusalForAThrottledAccountWaitsAsLongAsAWrongPasswordWould() {
        for (int i = 1; i <= 3; i++) {
            pass(new Harness(locks, throttle, "203.0.113." + i), BOB, "guess");
        }
        Harness fresh = new Harness(locks, throttle, "198.51.100.9");
        assertThat(pass(fresh, BOB, BOB_PASSWORD).delays()).containsExactly(Harness.DELAY);
        assertThat(pass(fresh, BOB, BOB_PASSWORD).delays()).containsExactly(Harness.DELAY.multipliedBy(2));
        assertThat(pass(fresh, "nobody@example.test", "x").delays()).containsExactly(Harness.DELAY.multipliedBy(4));
    }

    @Test
    void aProxyIdentityCountsAsAFailure() {
        String proxy = Base64.getEncoder().encodeToString(("bob\0" + ALICE + "\0" + ALICE_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            attacker.send("AUTH PLAIN " + proxy);
        }
        assertThat(pass(attacker, BOB, BOB_PASSWORD).line()).isEqualTo(FAILED);
    }

    @Test
    void aMistypedPasswordIsForgivenOnSuccess() {
        Harness user = new Harness(locks, throttle, "198.51.100.7");
        pass(user, ALICE, "typo");
        pass(user, ALICE, "typo again");
        assertThat(pass(user, ALICE, ALICE_PASSWORD).line()).startsWith("+OK");
        assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void aStoreThatIsDownDoesNotCount() {
        for (int i = 0; i < 5; i++) {
            pass(attacker, FLAKY, "x");
        }
        assertThat(throttle.trackedKeys()).isZero();
    }
}
