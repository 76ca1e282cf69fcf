package org.posthorn.ejb.testing;

import java.util.ArrayList;
import java.util.List;
import org.posthorn.ejb.queue.RelayTrigger;

/**
 * Stands in for the outbound JMS queue: records each request for a delivery attempt once the
 * transaction that made it committed ({@link TestDatabase#afterCommit}), as the queue would only then
 * deliver it.
 */
public final class RecordingRelayTrigger implements RelayTrigger {

    private final TestDatabase db;
    private final List<Long> requested = new ArrayList<>();

    public RecordingRelayTrigger(TestDatabase db) {
        this.db = db;
    }

    @Override
    public void attempt(long queuedId) {
        db.afterCommit(() -> record(queuedId));
    }

    private synchronized void record(long id) {
        requested.add(id);
    }

    /** The requests since the last call, in order; then forgets them. */
    public synchronized List<Long> take() {
        List<Long> taken = List.copyOf(requested);
        requested.clear();
        return taken;
    }
}
