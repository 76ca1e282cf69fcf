package org.posthorn.connector.pop3.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MaildropLocksTest {

    private final MaildropLocks locks = new MaildropLocks();

    @Test
    void oneSessionAtATime() {
        var first = locks.tryLock("alice@example.test");
        assertThat(first).isPresent();
        assertThat(locks.tryLock("alice@example.test")).isEmpty();
        assertThat(locks.tryLock("bob@example.test")).isPresent();

        first.get().release();
        assertThat(locks.isLocked("alice@example.test")).isFalse();
        assertThat(locks.tryLock("alice@example.test")).isPresent();
    }

    @Test
    void releasingTwiceDoesNotFreeAnotherSessionsLock() {
        var first = locks.tryLock("alice@example.test").orElseThrow();
        first.release();
        var second = locks.tryLock("alice@example.test").orElseThrow();
        first.release();
        assertThat(locks.isLocked("alice@example.test")).isTrue();
        second.release();
        assertThat(locks.isLocked("alice@example.test")).isFalse();
    }

    @Test
    void exactlyOneOfManyConcurrentSessionsWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return locks.tryLock("alice@example.test").isPresent();
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> attempt : attempts) {
                won += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSessionHoldsOneLockAndReleasesItOnce() {
        Pop3Session session = Harness.newSession();
        session.holdLock(locks.tryLock("alice@example.test").orElseThrow());
        assertThatThrownBy(() -> session.holdLock(locks.tryLock("bob@example.test").orElseThrow()))
                .isInstanceOf(IllegalStateException.class);
        session.releaseLock();
        session.releaseLock();
        assertThat(locks.isLocked("alice@example.test")).isFalse();
    }
}
