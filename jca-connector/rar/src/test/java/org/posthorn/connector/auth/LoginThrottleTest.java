package org.posthorn.connector.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration BASE = Duration.ofSeconds(2);
    private static final InetAddress ATTACKER = address("192.0.2.66");
    private static final InetAddress OTHER = address("198.51.100.7");

    private final FakeClock clock = new FakeClock();
    private final LoginThrottle throttle = new LoginThrottle(new ThrottleLimits(3, WINDOW, Duration.ofSeconds(15), 1000), clock);
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Logger log = Logger.getLogger(LoginThrottle.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel() == Level.WARNING) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    {
        log.addHandler(capture);
    }

    @AfterEach
    void detach() {
        log.removeHandler(capture);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private void fail(InetAddress from, String login, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(from, login);
        }
    }

    @Test
    void anAddressIsRefusedForEveryNameOnceItReachesTheLimit() {
        throttle.failed(ATTACKER, "a@example.test");
        throttle.failed(ATTACKER, "b@example.test");
        assertThat(throttle.refuses(ATTACKER, "c@example.test")).isFalse();
        throttle.failed(ATTACKER, "c@example.test");

        assertThat(throttle.refuses(ATTACKER, "alice@example.test")).isTrue();
        assertThat(throttle.refuses(OTHER, "alice@example.test")).isFalse();
    }

    @Test
    void aNameIsRefusedFromEveryAddressOnceItReachesTheLimitFromAnyAddresses() {
        throttle.failed(address("192.0.2.1"), "alice@example.test");
        throttle.failed(address("192.0.2.2"), "ALICE@example.test");
        throttle.failed(address("192.0.2.3"), "alice@example.test");

        assertThat(throttle.refuses(OTHER, "Alice@Example.Test")).isTrue();
        assertThat(throttle.refuses(OTHER, "bob@example.test")).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail(ATTACKER, "x", 2);
        clock.advance(WINDOW.plusSeconds(1));
        throttle.failed(ATTACKER, "y");
        assertThat(throttle.refuses(ATTACKER, "z")).isFalse();
        throttle.failed(ATTACKER, "y");
        throttle.failed(ATTACKER, "y");
        assertThat(throttle.refuses(ATTACKER, "z")).isTrue();
    }

    @Test
    void theWindowSlides() {
        throttle.failed(ATTACKER, "x");
        clock.advance(Duration.ofMinutes(6));
        throttle.failed(ATTACKER, "x");
        clock.advance(Duration.ofMinutes(5)); // the first is now 11 minutes old
        throttle.failed(ATTACKER, "x");
        assertThat(throttle.refuses(ATTACKER, "z")).isFalse();
    }

    @Test
    void aThrottleLastsOneWindowFromItsStart() {
        fail(ATTACKER, "x", 3);
        clock.advance(WINDOW.minusSeconds(1));
        assertThat(throttle.refuses(ATTACKER, "x")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.refuses(ATTACKER, "x")).isFalse();
        // A fresh start: one more failure does not throttle again.
        throttle.failed(ATTACKER, "x");
        assertThat(throttle.refuses(ATTACKER, "x")).isFalse();
    }

    @Test
    void failuresWhileThrottledNeitherCountNorExtendIt() {
        fail(ATTACKER, "x", 3);
        clock.advance(Duration.ofMinutes(9));
        fail(ATTACKER, "x", 5);
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.refuses(ATTACKER, "x")).isFalse();
    }

    @Test
    void aRefusedAttemptCountsAgainstTheAddressButNotTheName() {
        fail(OTHER, "victim", 3);
        assertThat(throttle.refuses(ATTACKER, "victim")).isTrue();
        throttle.refused(ATTACKER, "victim");
        assertThat(throttle.failureDelay(ATTACKER, BASE)).isEqualTo(BASE);
        throttle.refused(ATTACKER, "victim");
        assertThat(throttle.failureDelay(ATTACKER, BASE)).as("grows like a wrong password's").isEqualTo(BASE.multipliedBy(2));
        throttle.refused(ATTACKER, "victim");
        assertThat(throttle.refuses(ATTACKER, "someone-else")).isTrue();

        clock.advance(WINDOW);
        assertThat(throttle.refuses(OTHER, "victim")).as("the name's throttle was not extended").isFalse();
    }

    @Test
    void theStartOfAThrottleIsLoggedOnceForTheAddressAndOnceForTheName() {
        fail(ATTACKER, "victim@example.test\r\nforged", 5);
        assertThat(warnings).extracting(LogRecord::getMessage).containsExactly(
                "login throttle: client address 192.0.2.66 refused for PT10M after 3 failed logins",
                "login throttle: login name \"victim@example.test??forged\" refused for PT10M after 3 failed logins from any address");
    }

    @Test
    void aSuccessTakesBackOnlyItsOwnAddressAndNamesFailures() {
        throttle.failed(OTHER, "alice");        // alice mistyped
        throttle.failed(ATTACKER, "alice");     // someone guesses at alice
        throttle.failed(OTHER, "bob");          // a second account behind OTHER
        throttle.succeeded(OTHER, "ALICE");

        throttle.failed(ATTACKER, "alice");
        assertThat(throttle.refuses(ATTACKER, "alice")).isFalse(); // attacker: 2 on alice, 2 from the address
        throttle.failed(address("203.0.113.9"), "alice");
        assertThat(throttle.refuses(OTHER, "alice")).as("the owner's success did not reset the attacker's count").isTrue();

        throttle.failed(OTHER, "carol");
        assertThat(throttle.refuses(OTHER, "dave")).as("bob's failure still counts for OTHER").isFalse();
        throttle.failed(OTHER, "carol");
        assertThat(throttle.refuses(OTHER, "dave")).isTrue();
    }

    @Test
    void theDelayDoublesWithEachRecentFailureFromTheAddressUpToTheCap() {
        LoginThrottle patient = new LoginThrottle(new ThrottleLimits(10, WINDOW, Duration.ofSeconds(15), 1000), clock);
        List<Duration> delays = new ArrayList<>();
        delays.add(patient.failureDelay(ATTACKER, BASE));
        for (int i = 0; i < 6; i++) {
            patient.failed(ATTACKER, "user" + i);
            delays.add(patient.failureDelay(ATTACKER, BASE));
        }
        assertThat(delays).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(15));
        assertThat(patient.failureDelay(OTHER, BASE)).isEqualTo(BASE);
        clock.advance(WINDOW);
        assertThat(patient.failureDelay(ATTACKER, BASE)).isEqualTo(BASE);
    }

    @Test
    void aThrottledAddressWaitsTheLongestDelay() {
        fail(ATTACKER, "x", 3);
        assertThat(throttle.failureDelay(ATTACKER, Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(400));
        assertThat(throttle.failureDelay(ATTACKER, BASE)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void growingNeverOverflows() {
        assertThat(LoginThrottle.grow(Duration.ofSeconds(2), Integer.MAX_VALUE, Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(15));
        assertThat(LoginThrottle.grow(Duration.ZERO, 50, Duration.ofSeconds(15))).isEqualTo(Duration.ZERO);
        assertThat(LoginThrottle.grow(Duration.ofSeconds(30), 1, Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theTablesNeverHoldMoreThanTheCapAndForgetTheLeastRecentlySeen() {
        LoginThrottle small = new LoginThrottle(new ThrottleLimits(3, WINDOW, Duration.ofSeconds(15), 100), clock);
        small.failed(ATTACKER, "victim");
        small.failed(ATTACKER, "victim");
        for (int i = 0; i < 1000; i++) {
            small.failed(address("10.0." + (i / 250) + "." + (i % 250)), "spray" + i);
        }
        assertThat(small.trackedKeys()).isEqualTo(200);
        // The attacker's and the victim's two failures were pushed out: a third does not throttle.
        small.failed(ATTACKER, "victim");
        assertThat(small.refuses(ATTACKER, "victim")).isFalse();
    }

    @Test
    void staleEntriesAreDroppedLazily() {
        fail(ATTACKER, "x", 2);
        fail(OTHER, "y", 3);
        assertThat(throttle.trackedKeys()).isEqualTo(4);
        clock.advance(WINDOW);
        throttle.failed(address("203.0.113.9"), "z");
        assertThat(throttle.trackedKeys()).isEqualTo(2);
    }

    @Test
    void namesAreKeyedByTheirFirst255Characters() {
        String prefix = "x".repeat(255);
        throttle.failed(address("192.0.2.1"), prefix + "a");
        throttle.failed(address("192.0.2.2"), prefix + "b");
        throttle.failed(address("192.0.2.3"), prefix + "c");
        assertThat(throttle.refuses(OTHER, prefix)).isTrue();
        assertThat(throttle.refuses(OTHER, prefix.substring(1))).isFalse();
    }

    @Test
    void aSuccessWithNothingLeftForgetsTheKeys() {
        throttle.failed(OTHER, "alice");
        throttle.succeeded(OTHER, "alice");
        assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void refusesNonsensicalLimits() {
        assertThatThrownBy(() -> new ThrottleLimits(0, WINDOW, BASE, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleLimits(1, Duration.ZERO, BASE, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleLimits(1, WINDOW, Duration.ofSeconds(-1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleLimits(1, WINDOW, BASE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsItsLimitsFromSettings() {
        ThrottleLimits limits = ThrottleLimits.fromSettings();
        assertThat(limits.maxFailures()).isEqualTo(10);
        assertThat(limits.window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(limits.maxDelay()).isEqualTo(Duration.ofSeconds(15));
        assertThat(limits.maxKeys()).isEqualTo(ThrottleLimits.DEFAULT_MAX_KEYS);
    }

    @Test
    void isSafeToShareBetweenThreads() throws InterruptedException {
        LoginThrottle shared = new LoginThrottle(new ThrottleLimits(1_000_000, WINDOW, BASE, 1_000_000), clock);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    shared.failed(ATTACKER, "n" + i);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(shared.trackedKeys()).isEqualTo(1001);
        assertThat(shared.failureDelay(ATTACKER, Duration.ofMillis(1))).isEqualTo(BASE);
    }
}
