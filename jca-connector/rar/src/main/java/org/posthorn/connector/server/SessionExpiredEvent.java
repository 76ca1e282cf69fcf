package org.posthorn.connector.server;

/**
 * Fired down a connection's pipeline when the session has lasted its protocol's
 * {@linkplain Protocol#maxSessionDuration() longest session}. The protocol's handler ends the session
 * with its proper answer as soon as nothing is under way (a post-office call, a message being
 * written); until the connection closes the event comes again every few seconds, and after a grace
 * period the connection is closed without an answer.
 */
public enum SessionExpiredEvent {
    INSTANCE
}
