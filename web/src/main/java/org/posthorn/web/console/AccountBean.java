package org.posthorn.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;
import org.posthorn.ejb.admin.AccountAdmin;
import org.posthorn.ejb.admin.AccountChanges;
import org.posthorn.ejb.admin.AccountInfo;
import org.posthorn.ejb.admin.FolderInfo;
import org.posthorn.ejb.admin.Patch;
import org.posthorn.ejb.directory.DirectoryException;
import org.posthorn.web.console.view.ByteSizes;
import org.posthorn.web.console.view.QuotaBar;

/**
 * One account: its folders with message counts, its display name and quota, a new password,
 * disabling and enabling it, and deleting it after a confirmation that says how much mail goes with it.
 */
@Named
@ViewScoped
public class AccountBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountAdmin accounts;

    private String address;
    private AccountInfo info;
    private List<FolderInfo> folders;
    private final AccountForm form = new AccountForm();
    private String passwordAgain;
    private boolean confirmingDelete;

    /** The view action: loads the account, or goes back to the domain list if it does not exist. */
    public String load() {
        try {
            refresh();
            form.setDisplayName(info.displayName());
            form.setQuota(info.quotaBytes() == null ? null : ByteSizes.format(info.quotaBytes()));
            return null;
        } catch (DirectoryException e) {
            Messages.error(e.getMessage());
            return "/admin/domains?faces-redirect=true";
        }
    }

    public String saveDetails() {
        return change(form::forDetails, "Display name and quota saved.");
    }

    public String changePassword() {
        if (form.getPassword() == null || !form.getPassword().equals(passwordAgain)) {
            Messages.refusal("The two passwords are not the same.");
            return null;
        }
        return change(form::forPassword, "Password changed.");
    }

    public String setEnabled(boolean enabled) {
        return change(() -> new AccountChanges(Patch.absent(), Patch.absent(), Patch.absent(), Patch.of(enabled), Patch.absent()),
                enabled ? "Account enabled." : "Account disabled: it cannot log in or receive mail.");
    }

    public void askToDelete() {
        confirmingDelete = true;
    }

    public void cancelDelete() {
        confirmingDelete = false;
    }

    public String delete() {
        try {
            accounts.delete(info.address());
            Messages.info("Account " + info.address() + " deleted with " + info.messageCount() + " message(s).");
            return "/admin/accounts?faces-redirect=true&domain=" + AccountsBean.urlEncode(info.domain());
        } catch (DirectoryException e) {
            Messages.refusal(e.getMessage());
            return null;
        }
    }

    /** Applies the changes (read from the form inside the try: reading may refuse, say, a quota). */
    private String change(Supplier<AccountChanges> changes, String done) {
        try {
            accounts.put(info.address(), changes.get());
            Messages.info(done);
            return "/admin/account?faces-redirect=true&address=" + AccountsBean.urlEncode(info.address());
        } catch (DirectoryException e) {
            Messages.refusal(e.getMessage());
            return null;
        } finally {
            form.setPassword(null);
            passwordAgain = null;
        }
    }

    private void refresh() {
        info = accounts.get(address);
        folders = accounts.folders(info.address());
    }

    public QuotaBar getQuota() {
        return new QuotaBar(info.usedBytes(), info.quotaBytes());
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public AccountInfo getInfo() {
        return info;
    }

    public List<FolderInfo> getFolders() {
        return folders;
    }

    public AccountForm getForm() {
        return form;
    }

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }

    public boolean isConfirmingDelete() {
        return confirmingDelete;
    }
}
