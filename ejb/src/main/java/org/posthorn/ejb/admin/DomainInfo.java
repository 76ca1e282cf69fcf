package org.posthorn.ejb.admin;

import java.time.Instant;

/**
 * A domain as the admin API shows it.
 *
 * @param name         normalised (lower case, A-labels)
 * @param enabled      whether it receives mail
 * @param accountCount how many accounts it has
 * @param created      when it was added
 */
public record DomainInfo(String name, boolean enabled, long accountCount, Instant created) {
}
