package org.posthorn.ejb.dns;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.ejb.directory.DomainName;
import org.posthorn.ejb.directory.NoSuchEntryException;
import org.posthorn.ejb.discovery.MailService;
import org.posthorn.settings.Settings;

/**
 * The DNS page's service: the records a local domain should publish ({@link ExpectedRecords}) and a
 * live check of each ({@link RecordChecker}) against {@code posthorn.dns.servers}.
 */
@Stateless
public class DnsCheck {

    @Inject
    DirectoryLookup directory;

    /**
     * @param domainName as typed; must be a local domain
     * @throws NoSuchEntryException when it is not
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public DnsReport check(String domainName) {
        String domain = DomainName.parse(domainName);
        if (directory.domain(domain).isEmpty()) {
            throw new NoSuchEntryException("no domain " + domain);
        }
        String mailHost = Settings.HOSTNAME.get();
        DiscoveryLookup dns = new DnsjavaLookup(DnsServers.parse(Settings.DNS_SERVERS.get()), Settings.DNS_TIMEOUT.get());
        List<ExpectedRecord> expected = ExpectedRecords.of(domain, mailHost, MailService.publicPorts());
        return new DnsReport(domain, mailHost, new RecordChecker(dns).check(expected), warningAbout(mailHost));
    }

    /** Null when the host name can be published, else why not. */
    static String warningAbout(String mailHost) {
        if (mailHost.equalsIgnoreCase("localhost") || !mailHost.contains(".")) {
            return "This server's host name is '" + mailHost + "'. Set " + Settings.HOSTNAME.name()
                    + " to its public name (the one its address has in DNS) before publishing these records.";
        }
        return null;
    }
}
