package org.posthorn.ejb.queue;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds, asks for an attempt of each queued entry that is due: retries whose wait is
 * over, and entries whose request was lost in a crash or a restart. Non-persistent: a timer that
 * missed ticks while the server was down has nothing to catch up, the rows say what is due.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QueueTimer {

    private static final Logger LOG = Logger.getLogger(QueueTimer.class.getName());

    /** Requests per tick, so that a long queue after an outage drains without one huge transaction. */
    static final int MAX_PER_TICK = 500;

    @Inject
    QueueStore store;

    Clock clock = Clock.systemUTC();

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        try {
            int due = store.triggerDue(clock.instant(), MAX_PER_TICK);
            if (due > 0) {
                LOG.fine(() -> "Asked for " + due + " delivery attempt(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for due queue entries", e);
        }
    }
}
