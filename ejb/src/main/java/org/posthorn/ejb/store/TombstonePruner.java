package org.posthorn.ejb.store;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.settings.Settings;

/**
 * Once an hour, drops the tombstones of expunges that no IMAP session can still ask about. A session
 * needs the tombstones written since it selected its mailbox, and lasts at most
 * {@code posthorn.imap.max-session-duration} (24 h by default); an hour more is kept for good measure.
 * With no session limit (0s) every tombstone is kept: a session could need any of them.
 */
@Singleton
public class TombstonePruner {

    private static final Logger LOG = Logger.getLogger(TombstonePruner.class.getName());
    private static final Duration MARGIN = Duration.ofHours(1);

    @Inject
    MessageExpunger expunger;

    Clock clock = Clock.systemUTC();

    /** How long tombstones are kept after a session limit of {@code maxSession}; empty: for ever. */
    static Optional<Duration> retention(Duration maxSession) {
        return maxSession.isZero() ? Optional.empty() : Optional.of(maxSession.plus(MARGIN));
    }

    @Schedule(hour = "*", minute = "41", persistent = false)
    void prune() {
        Optional<Duration> retention = retention(Settings.IMAP_MAX_SESSION.get());
        if (retention.isEmpty()) {
            return;
        }
        try {
            int dropped = expunger.forgetTombstonesBefore(clock.instant().minus(retention.get()));
            LOG.fine(() -> "Dropped " + dropped + " expunge tombstone(s) older than " + retention.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not drop old expunge tombstones", e);
        }
    }
}
