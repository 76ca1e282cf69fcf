package org.posthorn.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.posthorn.ejb.admin.DomainAdmin;
import org.posthorn.ejb.admin.DomainInfo;
import org.posthorn.ejb.directory.DirectoryException;

/**
 * The confirmation page before a domain is removed: it says how many accounts and messages go with
 * it, and removes them only when the administrator confirms.
 */
@Named
@ViewScoped
public class DomainRemovalBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DomainAdmin domains;

    private String domain;
    private DomainInfo info;

    /** The view action: loads the domain, or goes back to the list if it does not exist. */
    public String load() {
        try {
            info = domains.get(domain);
            return null;
        } catch (DirectoryException e) {
            Messages.error(e.getMessage());
            return "/admin/domains?faces-redirect=true";
        }
    }

    public String remove() {
        try {
            domains.delete(info.name(), true);
            Messages.info("Domain " + info.name() + " removed with " + info.accountCount() + " account(s) and "
                    + info.messageCount() + " message(s).");
        } catch (DirectoryException e) {
            Messages.error(e.getMessage());
        }
        return "/admin/domains?faces-redirect=true";
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public DomainInfo getInfo() {
        return info;
    }
}
