package org.posthorn.ejb.admin;

import java.io.Serializable;
import java.time.Instant;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.directory.Role;

/**
 * An account as the admin API shows it; never the password hash.
 *
 * @param address      the canonical name, {@code local@domain} or {@code admin}
 * @param domain       its domain, null for {@code admin}
 * @param displayName  may be null
 * @param enabled      whether the account itself is enabled (its domain may still be disabled)
 * @param role         USER or ADMIN
 * @param quotaBytes   null for no limit
 * @param messageCount how many messages its folders hold
 * @param usedBytes    the octets they take, as the quota counts them
 * @param created      when it was created
 */
public record AccountInfo(String address, String domain, String displayName, boolean enabled, Role role,
                          Long quotaBytes, long messageCount, long usedBytes, Instant created)
        implements Serializable {

    static AccountInfo of(Account account, Usage usage) {
        return new AccountInfo(account.getAddress(),
                account.getDomain() == null ? null : account.getDomain().getName(),
                account.getDisplayName(), account.isEnabled(), account.getRole(), account.getQuotaBytes(),
                usage.messages(), usage.bytes(), account.getCreated());
    }
}
