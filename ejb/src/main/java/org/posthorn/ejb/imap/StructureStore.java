package org.posthorn.ejb.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.posthorn.ejb.store.mime.MimeStructureParser;
import org.posthorn.ejb.store.mime.StoredStructure;
import org.posthorn.ejb.store.mime.StructureCodec;

/**
 * The parsed structures of blobs, read by projection (never loading the octets) in batches. A blob
 * stored before structures existed, or with an unreadable one, is parsed on first use and the result
 * stored, so each message is parsed at most once more.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StructureStore {

    /** Ids per {@code in} list: well below every database's limit on bind parameters. */
    static final int BATCH = 500;

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    /** Blob id to structure, for every given id that exists. */
    public Map<Long, StoredStructure> of(Collection<Long> blobIds) {
        Map<Long, StoredStructure> out = new HashMap<>();
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(blobIds));
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            for (Object[] row : em.createQuery("select b.id, b.structure from MessageBlob b where b.id in :ids",
                    Object[].class).setParameter("ids", batch).getResultList()) {
                long id = (Long) row[0];
                Optional<StoredStructure> decoded = StructureCodec.decode((byte[]) row[1]);
                out.put(id, decoded.orElseGet(() -> parseAndKeep(id)));
            }
        }
        return out;
    }

    /** Parses a blob that has no (readable) structure yet, and stores what it found. */
    private StoredStructure parseAndKeep(long blobId) {
        byte[] content = em.createQuery("select b.content from MessageBlob b where b.id = :id", byte[].class)
                .setParameter("id", blobId)
                .getSingleResult();
        StoredStructure structure = MimeStructureParser.parse(content);
        em.createQuery("update MessageBlob b set b.structure = :structure where b.id = :id")
                .setParameter("structure", StructureCodec.encode(structure))
                .setParameter("id", blobId)
                .executeUpdate();
        return structure;
    }

    /** Blob id to stored octets, read within the transaction. */
    public Map<Long, byte[]> contents(Collection<Long> blobIds) {
        Map<Long, byte[]> out = new HashMap<>();
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(blobIds));
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            for (Object[] row : em.createQuery("select b.id, b.content from MessageBlob b where b.id in :ids",
                    Object[].class).setParameter("ids", batch).getResultList()) {
                out.put((Long) row[0], (byte[]) row[1]);
            }
        }
        return out;
    }
}
