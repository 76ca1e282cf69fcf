package org.posthorn.ejb.discovery;

import java.util.Map;

/**
 * What a mail client needs to set up an account of a hosted domain.
 *
 * @param domain   the hosted domain, normalised
 * @param hostname the server's public name ({@code posthorn.hostname}) that every service answers on
 * @param ports    the public port of every service ({@link MailService#publicPort()})
 */
public record ClientConfig(String domain, String hostname, Map<MailService, Integer> ports) {

    public ClientConfig {
        ports = Map.copyOf(ports);
    }

    public int port(MailService service) {
        return ports.get(service);
    }
}
