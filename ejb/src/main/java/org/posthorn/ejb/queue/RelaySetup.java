package org.posthorn.ejb.queue;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.posthorn.ejb.dns.DnsServers;
import org.posthorn.ejb.dns.DnsjavaLookup;
import org.posthorn.ejb.relay.MailExchangers;
import org.posthorn.ejb.relay.SmtpRelayClient;
import org.posthorn.settings.Settings;

/**
 * The relay's routing and SMTP client as {@code posthorn.relay.*} and {@code posthorn.dns.*} configure
 * them, made once per application start.
 */
@ApplicationScoped
public class RelaySetup {

    private MailExchangers exchangers;
    private SmtpRelayClient client;
    private Duration lease;

    /** For the container: reads the settings on first use. */
    public RelaySetup() {
    }

    /** With explicit parts (tests). */
    public RelaySetup(MailExchangers exchangers, SmtpRelayClient client, Duration lease) {
        this.exchangers = exchangers;
        this.client = client;
        this.lease = lease;
    }

    public synchronized MailExchangers exchangers() {
        if (exchangers == null) {
            exchangers = new MailExchangers(
                    new DnsjavaLookup(DnsServers.parse(Settings.DNS_SERVERS.get()), Settings.DNS_TIMEOUT.get()),
                    new SecureRandom(), Settings.RELAY_PORT.get(),
                    Optional.ofNullable(Settings.RELAY_SMARTHOST.get()).filter(s -> !s.isBlank())
                            .map(MailExchangers.Smarthost::parse));
        }
        return exchangers;
    }

    public synchronized SmtpRelayClient client() {
        if (client == null) {
            Optional<SmtpRelayClient.Login> login = Optional.ofNullable(Settings.RELAY_SMARTHOST_USER.get())
                    .filter(user -> !user.isBlank())
                    .map(user -> new SmtpRelayClient.Login(user, Optional.ofNullable(
                            Settings.RELAY_SMARTHOST_PASSWORD.get()).orElse("")));
            client = new SmtpRelayClient(new SmtpRelayClient.Options(Settings.HOSTNAME.get(), Settings.RELAY_TIMEOUT.get(),
                    SmtpRelayClient.Tls.valueOf(Settings.RELAY_TLS.get().toUpperCase(Locale.ROOT)), login));
        }
        return client;
    }

    /**
     * How long one attempt may hold an entry: twelve relay timeouts (connecting and a few replies at a
     * few exchangers). An attempt that takes longer may see a second one start on the same entry.
     */
    public synchronized Duration lease() {
        if (lease == null) {
            lease = Settings.RELAY_TIMEOUT.get().multipliedBy(12);
        }
        return lease;
    }
}
