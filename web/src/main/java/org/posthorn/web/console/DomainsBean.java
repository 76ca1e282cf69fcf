package org.posthorn.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.posthorn.ejb.admin.DomainAdmin;
import org.posthorn.ejb.admin.DomainChanges;
import org.posthorn.ejb.admin.DomainInfo;
import org.posthorn.ejb.admin.Patch;
import org.posthorn.ejb.admin.Saved;
import org.posthorn.ejb.directory.DirectoryException;

/** The domains page: the list with counts, adding a domain, disabling and enabling one. */
@Named
@ViewScoped
public class DomainsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DomainAdmin domains;

    private String newName;
    private List<DomainInfo> list;

    public List<DomainInfo> getList() {
        if (list == null) {
            list = domains.list();
        }
        return list;
    }

    public String add() {
        try {
            Saved<DomainInfo> saved = domains.put(newName, DomainChanges.none());
            if (saved.created()) {
                Messages.info("Domain " + saved.value().name() + " added.");
            } else {
                Messages.info("Domain " + saved.value().name() + " already exists.");
            }
            return "/admin/domains?faces-redirect=true";
        } catch (DirectoryException e) {
            Messages.refusal(e.getMessage());
            return null;
        }
    }

    /** Enables a disabled domain or disables an enabled one. */
    public String toggle(String name, boolean enable) {
        try {
            domains.put(name, new DomainChanges(Patch.of(enable)));
            Messages.info("Domain " + name + (enable ? " enabled." : " disabled: it receives no mail and its accounts cannot log in."));
        } catch (DirectoryException e) {
            Messages.error(e.getMessage());
        }
        return "/admin/domains?faces-redirect=true";
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
