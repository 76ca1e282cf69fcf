package org.posthorn.ejb.admin;

import java.io.Serializable;
import java.time.Instant;

/**
 * A domain as the admin API shows it.
 *
 * @param name         normalised (lower case, A-labels)
 * @param enabled      whether it receives mail
 * @param accountCount how many accounts it has
 * @param aliasCount   how many aliases it has, its catch-all included
 * @param messageCount how many messages its accounts hold
 * @param storageBytes the octets those messages take, as quotas count them
 * @param created      when it was added
 */
public record DomainInfo(String name, boolean enabled, long accountCount, long aliasCount, long messageCount,
                         long storageBytes, Instant created)
        implements Serializable {
}
