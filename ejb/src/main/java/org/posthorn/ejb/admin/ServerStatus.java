package org.posthorn.ejb.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.posthorn.ejb.auth.LoginFailure;

/**
 * The state of the server at a glance, for the dashboard and {@code GET /api/admin/status}.
 *
 * @param version           Posthorn's version
 * @param startedAt         when the server (the JVM) started
 * @param uptimeSeconds     how long ago that was, in seconds
 * @param receivedToday     messages delivered to local mailboxes today (UTC)
 * @param receivedPerDay    the same for each of the last 7 days, the oldest first, today last
 * @param sentToday         messages accepted from authenticated clients (submission) today (UTC),
 *                          one per message whatever its recipients
 * @param sentPerDay        the same for each of the last 7 days, the oldest first, today last
 * @param queueDepth        messages in the outbound queue now
 * @param recentLoginFailures the newest refused logins of every service, the newest first
 */
public record ServerStatus(String version, Instant startedAt, long uptimeSeconds, long receivedToday,
                           List<DayCount> receivedPerDay, long sentToday, List<DayCount> sentPerDay, long queueDepth,
                           List<LoginFailure> recentLoginFailures) {

    public Duration uptime() {
        return Duration.ofSeconds(uptimeSeconds);
    }
}
