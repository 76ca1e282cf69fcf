package org.posthorn.web.console;

import java.io.Serializable;
import org.posthorn.ejb.admin.AccountInfo;
import org.posthorn.web.console.view.QuotaBar;

/**
 * An account as a row of the list: the account and its quota bar.
 *
 * @param account the account
 * @param quota   how full it is
 */
public record AccountRow(AccountInfo account, QuotaBar quota) implements Serializable {

    static AccountRow of(AccountInfo account) {
        return new AccountRow(account, new QuotaBar(account.usedBytes(), account.quotaBytes()));
    }
}
