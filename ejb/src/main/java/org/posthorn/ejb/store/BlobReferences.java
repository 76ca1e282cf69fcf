package org.posthorn.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the mailbox entries that point to each {@link MessageBlob} and deletes a blob with its last
 * entry. Each count changes in one {@code UPDATE} statement: the row lock it takes makes a concurrent
 * removal of another entry of the same blob wait and then see the decremented count, so exactly one
 * of them sees zero.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BlobReferences {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    /**
     * Drops references and deletes the blobs nobody references any more. The entries must already
     * be removed and flushed (their foreign keys point to the blobs).
     *
     * @param droppedPerBlob blob id to the number of entries removed
     */
    public void release(Map<Long, Integer> droppedPerBlob) {
        // Ascending ids: two transactions releasing overlapping blobs take the row locks in one order.
        for (Map.Entry<Long, Integer> blob : new TreeMap<>(droppedPerBlob).entrySet()) {
            em.createQuery("update MessageBlob b set b.refCount = b.refCount - :n where b.id = :id")
                    .setParameter("n", blob.getValue())
                    .setParameter("id", blob.getKey())
                    .executeUpdate();
        }
        if (!droppedPerBlob.isEmpty()) {
            em.createQuery("delete from MessageBlob b where b.id in :ids and b.refCount <= 0")
                    .setParameter("ids", droppedPerBlob.keySet())
                    .executeUpdate();
        }
    }

    /**
     * Adds references for new entries of existing blobs (IMAP COPY), in the same single-statement way.
     *
     * @param addedPerBlob blob id to the number of entries added
     */
    public void acquire(Map<Long, Integer> addedPerBlob) {
        for (Map.Entry<Long, Integer> blob : new TreeMap<>(addedPerBlob).entrySet()) {
            em.createQuery("update MessageBlob b set b.refCount = b.refCount + :n where b.id = :id")
                    .setParameter("n", blob.getValue())
                    .setParameter("id", blob.getKey())
                    .executeUpdate();
        }
    }
}
