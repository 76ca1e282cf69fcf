package org.posthorn.connector;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.posthorn.connector.activation.ListenerActivationSpec;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.auth.ThrottleLimits;
import org.posthorn.connector.endpoint.EndpointRegistry;
import org.posthorn.connector.endpoint.WorkManagerPostOffice;
import org.posthorn.connector.https.HttpsProtocol;
import org.posthorn.connector.imap.ImapProtocol;
import org.posthorn.connector.imap.command.ImapConfig;
import org.posthorn.connector.pop3.Pop3Config;
import org.posthorn.connector.pop3.Pop3Protocol;
import org.posthorn.connector.pop3.command.MaildropLocks;
import org.posthorn.connector.server.ListenerHost;
import org.posthorn.connector.smtp.SmtpConfig;
import org.posthorn.connector.smtp.SmtpProtocol;
import org.posthorn.connector.smtp.command.SmtpLogin;
import org.posthorn.connector.smtp.decode.MessageSpool;
import org.posthorn.connector.tls.KeyStoreFile;
import org.posthorn.connector.tls.ReloadingSslContext;
import org.posthorn.connector.tls.ServerKeyStore;
import org.posthorn.connector.tls.SslContextSource;
import org.posthorn.connector.watch.MailboxWatchers;
import org.posthorn.settings.Settings;

/**
 * Posthorn's resource adapter: owns the Netty event loops, the TLS credentials, the mail listeners and the
 * web's HTTPS port (which presents the mail certificate, ADR 0009).
 * TLS is set up once at start, off the event loops: the configured keystore is read, or the self-signed
 * one made (first start) or read (every later one); a renewed keystore file is picked up later by
 * {@link ReloadingSslContext} on its own thread. A listener is bound
 * as soon as every message endpoint its protocol needs has been activated (the MDBs of the post
 * office), and unbound when one of them goes away, so a port only accepts connections it can serve.
 */
@Connector(
        displayName = "Posthorn mail listeners",
        vendorName = "Posthorn",
        eisType = "Internet mail",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class PosthornResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(PosthornResourceAdapter.class.getName());

    /** The IMAP sessions to tell of mailbox changes; reached by the mailbox events connections (ADR 0004). */
    private final MailboxWatchers mailboxWatchers = new MailboxWatchers();
    private EndpointRegistry endpoints;
    private ListenerHost listeners;
    private ExecutorService tlsReloads;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        // Messages that were being received when a previous run died were never acknowledged.
        MessageSpool.deleteLeftovers(Settings.spoolDirectory());
        endpoints = new EndpointRegistry();
        var postOffice = new WorkManagerPostOffice(context.getWorkManager(), endpoints,
                Settings.MAX_CONCURRENT_CALLS.get());
        tlsReloads = Executors.newSingleThreadExecutor(new DefaultThreadFactory("posthorn-tls-reload", true));
        SslContextSource tls = tls(tlsReloads);
        var pop3 = Pop3Config.fromSettings();
        var maildropLocks = new MaildropLocks();
        var imap = ImapConfig.fromSettings();
        var loginThrottle = new LoginThrottle(ThrottleLimits.fromSettings(), Clock.systemUTC());
        var scram = ScramServers.fromSettings();
        var smtpLogin = new SmtpLogin(postOffice, loginThrottle, Settings.AUTH_FAILURE_DELAY.get(), scram);
        listeners = new ListenerHost(List.of(
                new SmtpProtocol(postOffice, SmtpConfig.fromSettings(), tls),
                SmtpProtocol.submission(postOffice, SmtpConfig.submissionFromSettings("submission"), smtpLogin,
                        Optional.of(tls)),
                SmtpProtocol.smtps(postOffice, SmtpConfig.submissionFromSettings("smtps"), smtpLogin, tls),
                Pop3Protocol.plain(postOffice, pop3, maildropLocks, loginThrottle, scram, Optional.of(tls)),
                Pop3Protocol.implicitTls(postOffice, pop3, maildropLocks, loginThrottle, scram, tls),
                ImapProtocol.plain(postOffice, imap, loginThrottle, scram, mailboxWatchers, Optional.of(tls)),
                ImapProtocol.implicitTls(postOffice, imap, loginThrottle, scram, mailboxWatchers, tls),
                HttpsProtocol.fromSettings(tls)));
        LOG.info("Posthorn resource adapter started; listeners bind when the post office's endpoints are active");
    }

    private static SslContextSource tls(ExecutorService reloads) throws ResourceAdapterInternalException {
        KeyStoreFile store = null;
        try {
            store = ServerKeyStore.fromSettings();
            ReloadingSslContext contexts = ReloadingSslContext.load(store, reloads, Clock.systemUTC(),
                    ReloadingSslContext.DEFAULT_CHECK_INTERVAL);
            LOG.info(() -> "TLS certificate from " + contexts.store().file() + ": "
                    + contexts.certificate().getSubjectX500Principal().getName() + ", valid until "
                    + contexts.certificate().getNotAfter().toInstant());
            return contexts;
        } catch (IOException e) {
            reloads.shutdownNow();
            throw new ResourceAdapterInternalException("Cannot set up TLS" + (store == null ? "" : " from " + store.file())
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (listeners != null) {
            listeners.shutdown();
        }
        if (tlsReloads != null) {
            tlsReloads.shutdownNow();
        }
        LOG.info("Posthorn resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        Class<?> listener = listenerOf(spec);
        endpoints.register(listener, factory);
        listeners.bindReady(endpoints);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        Class<?> listener = ((ListenerActivationSpec) spec).listenerInterface();
        endpoints.unregister(listener, factory);
        listeners.unbindUnserved(endpoints);
    }

    public MailboxWatchers mailboxWatchers() {
        return mailboxWatchers;
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }

    private static Class<?> listenerOf(ActivationSpec spec) throws ResourceException {
        if (spec instanceof ListenerActivationSpec listenerSpec) {
            return listenerSpec.listenerInterface();
        }
        throw new ResourceException("Not a Posthorn activation spec: " + spec);
    }

    // The JCA 1.7 §5.3.1 JavaBean contract asks a resource adapter to define equality; ours has no
    // configuration properties, so every instance is the only one of its kind.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
