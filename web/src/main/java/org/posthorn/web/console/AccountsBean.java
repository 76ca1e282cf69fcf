package org.posthorn.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.posthorn.ejb.admin.AccountAdmin;
import org.posthorn.ejb.admin.AccountInfo;
import org.posthorn.ejb.admin.AccountPage;
import org.posthorn.ejb.admin.DomainAdmin;
import org.posthorn.ejb.admin.DomainInfo;
import org.posthorn.ejb.admin.Saved;
import org.posthorn.ejb.directory.DirectoryException;
import org.posthorn.web.console.view.Paging;

/**
 * The accounts of one domain: search, pages of {@link Paging#DEFAULT_PAGE_SIZE}, a quota bar per
 * account, and the form that adds one. Domain, search text and page are view parameters, so every
 * page of a search is a link.
 */
@Named
@ViewScoped
public class AccountsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountAdmin accounts;

    @Inject
    DomainAdmin domains;

    private String domain;
    private String q;
    private Integer page;
    private DomainInfo domainInfo;
    private Paging paging;
    private List<AccountRow> rows;
    private final AccountForm form = new AccountForm();

    /** The view action: loads the domain and one page of its accounts, or goes back to the domain list. */
    public String load() {
        try {
            domainInfo = domains.get(domain);
            AccountPage found = accounts.search(Optional.of(domainInfo.name()), q,
                    offsetOf(page), Paging.DEFAULT_PAGE_SIZE);
            paging = Paging.of(page, Paging.DEFAULT_PAGE_SIZE, found.total());
            if (found.accounts().isEmpty() && paging.offset() != found.offset()) {
                // The page asked for is past the end (after deletions): show the last one.
                found = accounts.search(Optional.of(domainInfo.name()), q, paging.offset(), Paging.DEFAULT_PAGE_SIZE);
            }
            rows = found.accounts().stream().map(AccountRow::of).toList();
            return null;
        } catch (DirectoryException e) {
            Messages.error(e.getMessage());
            return "/admin/domains?faces-redirect=true";
        }
    }

    public String add() {
        try {
            Saved<AccountInfo> saved = accounts.create(form.getLocalPart() + "@" + domainInfo.name(), form.forCreation());
            Messages.info("Account " + saved.value().address() + " created.");
            return "/admin/account?faces-redirect=true&address=" + urlEncode(saved.value().address());
        } catch (DirectoryException e) {
            Messages.refusal(e.getMessage());
            return null;
        }
    }

    static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int offsetOf(Integer page) {
        return page == null || page < 1 ? 0
                : (int) Math.min(Integer.MAX_VALUE, (page - 1L) * Paging.DEFAULT_PAGE_SIZE);
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public DomainInfo getDomainInfo() {
        return domainInfo;
    }

    public Paging getPaging() {
        return paging;
    }

    public List<AccountRow> getRows() {
        return rows;
    }

    public AccountForm getForm() {
        return form;
    }
}
