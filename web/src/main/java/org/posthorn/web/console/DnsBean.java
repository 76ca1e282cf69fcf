package org.posthorn.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.posthorn.ejb.directory.DirectoryException;
import org.posthorn.ejb.dns.DnsCheck;
import org.posthorn.ejb.dns.DnsReport;

/** The DNS page of a domain: the records to publish, each checked live. Reloading the page checks again. */
@Named
@RequestScoped
public class DnsBean {

    @Inject
    DnsCheck dnsCheck;

    private String domain;
    private DnsReport report;

    /** The view action: checks the domain, or goes back to the domain list if it is not one. */
    public String load() {
        try {
            report = dnsCheck.check(domain);
            return null;
        } catch (DirectoryException e) {
            Messages.error(e.getMessage());
            return "/admin/domains?faces-redirect=true";
        }
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public DnsReport getReport() {
        return report;
    }
}
