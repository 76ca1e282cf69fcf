package org.posthorn.web.console;

import java.io.Serializable;
import org.posthorn.ejb.admin.AccountChanges;
import org.posthorn.ejb.admin.Patch;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.web.console.view.ByteSizes;

/**
 * The fields of the account forms as typed. The values are checked by the EJB services, as for the
 * REST API; only the quota's units ({@code 500 MB}) are read here.
 */
public class AccountForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String localPart;
    private String password;
    private String displayName;
    private String quota;

    /** Changes that create an account with everything filled in (blank display name and quota: none). */
    AccountChanges forCreation() {
        return new AccountChanges(Patch.of(password), Patch.of(blankToNull(displayName)), Patch.of(quotaBytes()),
                Patch.absent(), Patch.absent());
    }

    /** Changes that set the display name and quota only. */
    AccountChanges forDetails() {
        return new AccountChanges(Patch.absent(), Patch.of(blankToNull(displayName)), Patch.of(quotaBytes()),
                Patch.absent(), Patch.absent());
    }

    /** Changes that set the password only. */
    AccountChanges forPassword() {
        return new AccountChanges(Patch.of(password == null ? "" : password), Patch.absent(), Patch.absent(),
                Patch.absent(), Patch.absent());
    }

    private Long quotaBytes() {
        try {
            return ByteSizes.parse(quota);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("quota: " + e.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getLocalPart() {
        return localPart;
    }

    public void setLocalPart(String localPart) {
        this.localPart = localPart;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getQuota() {
        return quota;
    }

    public void setQuota(String quota) {
        this.quota = quota;
    }
}
