package org.posthorn.ejb.queue;

/**
 * Asks for a delivery attempt of a queued entry, as part of the caller's transaction: the request goes
 * out if and only if the transaction commits, so an attempt never looks for an entry that is not there
 * yet. Implemented with the outbound JMS queue ({@link JmsRelayTrigger}).
 */
public interface RelayTrigger {

    void attempt(long queuedId);
}
