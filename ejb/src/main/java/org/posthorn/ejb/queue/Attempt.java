package org.posthorn.ejb.queue;

import java.util.List;
import java.util.Optional;

/**
 * What one delivery attempt needs of a queued entry, read in a short transaction so that the network
 * I/O of the attempt happens outside any.
 *
 * @param id         the entry
 * @param sender     the reverse-path, empty for {@code <>}
 * @param recipients the recipients still pending
 * @param content    the octets to send
 */
public record Attempt(long id, Optional<String> sender, List<String> recipients, byte[] content) {

    public Attempt {
        recipients = List.copyOf(recipients);
    }
}
