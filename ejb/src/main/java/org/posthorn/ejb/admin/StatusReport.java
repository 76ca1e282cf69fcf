package org.posthorn.ejb.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;
import org.posthorn.ejb.auth.LoginFailures;
import org.posthorn.ejb.mta.SubmissionLog;

/**
 * Gathers the {@link ServerStatus}: messages received and sent per day, queue depth, recent login
 * failures, version, uptime.
 */
@Stateless
public class StatusReport {

    /** Days in the chart, today included. */
    public static final int DAYS = 7;
    /** Login failures shown. */
    public static final int FAILURES = 20;

    private static final String VERSION = readVersion();

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    LoginFailures failures;

    @Inject
    SubmissionLog submissions;

    Clock clock = Clock.systemUTC();

    public ServerStatus status() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<DayCount> received = perDay(today, this::deliveredBetween);
        List<DayCount> sent = perDay(today, submissions::countBetween);
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        long uptime = Math.max(0, clock.instant().getEpochSecond() - started.getEpochSecond());
        return new ServerStatus(VERSION, started, uptime, lastOf(received), received, lastOf(sent), sent,
                queueDepth(), failures.recent(FAILURES));
    }

    /** The count of each of the last {@value #DAYS} days, the oldest first. */
    private static List<DayCount> perDay(LocalDate today, BiFunction<Instant, Instant, Long> countBetween) {
        List<DayCount> days = new ArrayList<>(DAYS);
        for (int back = DAYS - 1; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            days.add(new DayCount(day, countBetween.apply(day.atStartOfDay().toInstant(ZoneOffset.UTC),
                    day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))));
        }
        return List.copyOf(days);
    }

    private static long lastOf(List<DayCount> days) {
        return days.get(days.size() - 1).messages();
    }

    private long deliveredBetween(Instant from, Instant to) {
        return em.createQuery("select count(m) from MailboxMessage m where m.internalDate >= :from"
                        + " and m.internalDate < :to", Long.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }

    private long queueDepth() {
        return em.createQuery("select count(q) from QueuedMessage q", Long.class).getSingleResult();
    }

    /** The version Maven wrote into {@code posthorn-version.properties} (resource filtering). */
    private static String readVersion() {
        try (InputStream in = StatusReport.class.getResourceAsStream("/posthorn-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
