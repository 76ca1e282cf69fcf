package org.posthorn.connector.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pacer's decisions on a clock that moves only when the test says so. */
class CommandPacerTest {

    /** 600 a minute: one every 100 ms, after a burst of 5. */
    private static final CommandLimits LIMITS = new CommandLimits(600, 5, 1000);
    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(100);

    private long now = 1_000_000_000L;
    private final CommandPacer pacer = LIMITS.newPacer(() -> now);

    @Test
    void aBurstGoesAtOnceThenOneCommandPerInterval() {
        assertThat(takeWhileFree()).isEqualTo(5);
        assertThat(pacer.nanosBeforeNext()).isEqualTo(INTERVAL);

        now += INTERVAL - 1;
        assertThat(pacer.nanosBeforeNext()).isEqualTo(1);
        now += 1;
        assertThat(takeWhileFree()).isEqualTo(1);
        assertThat(pacer.nanosBeforeNext()).isEqualTo(INTERVAL);
    }

    @Test
    void aThousandCommandsInOneGoAreSpreadOverTheRate() {
        long start = now;
        for (int i = 0; i < 1000; i++) {
            now += pacer.nanosBeforeNext();
            pacer.taken();
        }
        assertThat(now - start).as("the burst free, the other 995 at the rate").isEqualTo(995 * INTERVAL);
    }

    @Test
    void aClientAtTheRateIsNeverSlowed() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(pacer.nanosBeforeNext()).isZero();
            pacer.taken();
            now += INTERVAL;
        }
    }

    @Test
    void quietTimeRefillsTheBurstButNoMore() {
        takeWhileFree();
        now += 60 * INTERVAL;
        assertThat(takeWhileFree()).isEqualTo(5);
    }

    @Test
    void theSessionIsExhaustedAfterItsCommands() {
        CommandPacer few = new CommandLimits(600, 5, 3).newPacer(() -> now);
        few.taken();
        few.taken();
        assertThat(few.exhausted()).isFalse();
        few.taken();
        assertThat(few.exhausted()).isTrue();
        assertThat(few.commands()).isEqualTo(3);
    }

    @Test
    void unlimitedNeverWaits() {
        CommandPacer unlimited = CommandLimits.UNLIMITED.newPacer(() -> now);
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(unlimited.nanosBeforeNext()).isZero();
            unlimited.taken();
        }
        assertThat(unlimited.exhausted()).isFalse();
    }

    @Test
    void aHugeBurstAtASlowRateDoesNotOverflow() {
        CommandPacer slow = new CommandLimits(1, Integer.MAX_VALUE, 10).newPacer(() -> now);
        assertThat(slow.nanosBeforeNext()).isZero();
    }

    private int takeWhileFree() {
        int taken = 0;
        while (pacer.nanosBeforeNext() == 0) {
            pacer.taken();
            taken++;
        }
        return taken;
    }
}
