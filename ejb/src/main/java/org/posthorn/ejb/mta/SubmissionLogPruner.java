package org.posthorn.ejb.mta;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a night, forgets submissions that no chart counts any more ({@link SubmissionLog#RETENTION}).
 * Non-persistent: a night missed while the server was down is made up the next night.
 */
@Singleton
public class SubmissionLogPruner {

    private static final Logger LOG = Logger.getLogger(SubmissionLogPruner.class.getName());

    @Inject
    SubmissionLog log;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "3", minute = "17", persistent = false)
    void prune() {
        try {
            int removed = log.prune(clock.instant());
            LOG.fine(() -> "Forgot " + removed + " old submission record(s)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not prune old submission records", e);
        }
    }
}
