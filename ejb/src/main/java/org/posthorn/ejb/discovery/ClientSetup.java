package org.posthorn.ejb.discovery;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.ejb.directory.DomainName;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.settings.Settings;

/** Mail client autoconfiguration: the servers and ports of a hosted domain, for anyone who asks. */
@Stateless
public class ClientSetup {

    @Inject
    DirectoryLookup directory;

    /**
     * @param domainName as the client sent it (untrusted)
     * @return empty unless it names an enabled domain of this server
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<ClientConfig> forDomain(String domainName) {
        String domain;
        try {
            domain = DomainName.parse(domainName);
        } catch (InvalidInputException notADomain) {
            return Optional.empty();
        }
        return directory.domain(domain)
                .filter(d -> d.isEnabled())
                .map(d -> new ClientConfig(domain, Settings.HOSTNAME.get(), MailService.publicPorts()));
    }
}
