package org.posthorn.ejb.auth;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The most recent refused logins of every service, kept in memory for the admin console's dashboard
 * (the server log keeps them all, one line each). Lost on restart, on purpose: it is a view of what
 * is happening now, not an audit trail.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class LoginFailures {

    /** How many failures are kept; older ones are forgotten. */
    static final int CAPACITY = 100;

    private final Deque<LoginFailure> recent = new ArrayDeque<>(CAPACITY);

    Clock clock = Clock.systemUTC();

    /**
     * Remembers a refused login.
     *
     * @param login as the client sent it; stored made safe by {@link LogText#safe}
     */
    public void record(String service, String login, String remoteAddress) {
        LoginFailure failure = new LoginFailure(clock.instant(), service, login == null ? "" : LogText.safe(login),
                remoteAddress == null ? "unknown" : LogText.safe(remoteAddress));
        synchronized (recent) {
            if (recent.size() == CAPACITY) {
                recent.removeLast();
            }
            recent.addFirst(failure);
        }
    }

    /** Up to {@code limit} failures, the newest first. */
    public List<LoginFailure> recent(int limit) {
        synchronized (recent) {
            return new ArrayList<>(recent).subList(0, Math.min(limit, recent.size()));
        }
    }
}
