package org.posthorn.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.posthorn.ejb.admin.AliasAdmin;
import org.posthorn.ejb.admin.AliasInfo;
import org.posthorn.ejb.admin.DomainAdmin;
import org.posthorn.ejb.admin.DomainInfo;
import org.posthorn.ejb.admin.InvalidTargetException;
import org.posthorn.ejb.admin.Saved;
import org.posthorn.ejb.directory.DirectoryException;
import org.posthorn.web.console.view.AliasTargets;

/**
 * The aliases of one domain: the list with targets, the form that adds or changes one (the REST API's
 * PUT: an existing alias gets the new targets), deleting one after a confirmation, and the domain's
 * catch-all. Refusals of the directory are shown beside the field they concern.
 */
@Named
@ViewScoped
public class AliasesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Client ids of the fields that refusals are shown beside. */
    static final String LOCAL_PART_FIELD = "alias:localPart";
    static final String TARGETS_FIELD = "alias:targets";
    static final String CATCH_ALL_FIELD = "catchAll:catchAllTargets";

    @Inject
    AliasAdmin aliases;

    @Inject
    DomainAdmin domains;

    private String domain;
    private DomainInfo domainInfo;
    private List<AliasInfo> list;
    private AliasInfo catchAll;
    private String localPart;
    private String targets;
    private String catchAllTargets;
    private String confirmingDelete;

    /**
     * The view action: loads the domain and its aliases, or goes back to the domain list if it is not
     * one. Without a domain the page shows the {@link AliasOverviewBean overview} instead.
     */
    public String load() {
        if (!isDomainChosen()) {
            return null;
        }
        try {
            domainInfo = domains.get(domain);
            List<AliasInfo> all = aliases.list(domainInfo.name());
            list = all.stream().filter(a -> !a.catchAll()).toList();
            catchAll = all.stream().filter(AliasInfo::catchAll).findFirst().orElse(null);
            if (catchAll != null && catchAllTargets == null) {
                catchAllTargets = AliasTargets.format(catchAll.targets());
            }
            return null;
        } catch (DirectoryException e) {
            Messages.error(e.getMessage());
            return "/admin/domains?faces-redirect=true";
        }
    }

    /** Adds the alias, or gives an existing one the targets typed. */
    public String save() {
        try {
            Saved<AliasInfo> saved = aliases.put(localPart + "@" + domainInfo.name(), AliasTargets.parse(targets));
            Messages.info("Alias " + saved.value().address() + (saved.created() ? " added" : " changed") + ": mail to it goes to "
                    + String.join(", ", saved.value().targets()) + ".");
            return self();
        } catch (InvalidTargetException e) {
            Messages.refusal(TARGETS_FIELD, capitalized(e.getMessage()));
        } catch (DirectoryException e) {
            Messages.refusal(LOCAL_PART_FIELD, capitalized(e.getMessage()));
        }
        return null;
    }

    /** Puts an alias into the form, to be changed. */
    public void edit(AliasInfo alias) {
        localPart = alias.address().substring(0, alias.address().lastIndexOf('@'));
        targets = AliasTargets.format(alias.targets());
        confirmingDelete = null;
    }

    public void askToDelete(String address) {
        confirmingDelete = address;
    }

    public void cancelDelete() {
        confirmingDelete = null;
    }

    public String delete() {
        if (confirmingDelete == null) {
            return self();
        }
        try {
            aliases.delete(confirmingDelete);
            Messages.info("Alias " + confirmingDelete + " deleted: mail to it is refused from now on.");
        } catch (DirectoryException e) {
            Messages.error(e.getMessage());
        }
        return self();
    }

    public String setCatchAll() {
        try {
            Saved<AliasInfo> saved = aliases.put(catchAllAddress(),
                    AliasTargets.parse(catchAllTargets));
            Messages.info("Catch-all set: mail to any other address of " + domainInfo.name() + " goes to "
                    + String.join(", ", saved.value().targets()) + ".");
            return self();
        } catch (DirectoryException e) {
            Messages.refusal(CATCH_ALL_FIELD, capitalized(e.getMessage()));
            return null;
        }
    }

    public String clearCatchAll() {
        try {
            aliases.delete(catchAllAddress());
            Messages.info("Catch-all removed: mail to unknown addresses of " + domainInfo.name() + " is refused.");
        } catch (DirectoryException e) {
            Messages.error(e.getMessage());
        }
        return self();
    }

    /** The catch-all's address as the REST API writes it. */
    private String catchAllAddress() {
        return "@" + domainInfo.name();
    }

    private String self() {
        return "/admin/aliases?faces-redirect=true&domain=" + AccountsBean.urlEncode(domainInfo.name());
    }

    /** The directory writes its refusals in lower case for the API; a sentence beside a field starts with a capital. */
    private static String capitalized(String message) {
        return message == null || message.isEmpty() ? "" : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    public boolean isDomainChosen() {
        return domain != null && !domain.isBlank();
    }

    public Optional<String> getConfirming() {
        return Optional.ofNullable(confirmingDelete);
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public DomainInfo getDomainInfo() {
        return domainInfo;
    }

    public List<AliasInfo> getList() {
        return list;
    }

    public AliasInfo getCatchAll() {
        return catchAll;
    }

    public String getLocalPart() {
        return localPart;
    }

    public void setLocalPart(String localPart) {
        this.localPart = localPart;
    }

    public String getTargets() {
        return targets;
    }

    public void setTargets(String targets) {
        this.targets = targets;
    }

    public String getCatchAllTargets() {
        return catchAllTargets;
    }

    public void setCatchAllTargets(String catchAllTargets) {
        this.catchAllTargets = catchAllTargets;
    }
}
