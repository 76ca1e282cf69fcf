package org.posthorn.ejb.queue;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.posthorn.ejb.relay.RecipientResult;
import org.posthorn.ejb.relay.Route;

/**
 * One delivery attempt of one queued entry: claim it, deliver its pending recipients domain by domain
 * (one connection per domain, {@link org.posthorn.ejb.relay.SmtpRelayClient}), record the results.
 * Runs outside any transaction: the network I/O may take minutes; {@link QueueStore} opens a short
 * transaction for the claim and one for the record.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelayWorker {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class.getName());

    @Inject
    QueueStore store;

    @Inject
    RelaySetup setup;

    Clock clock = Clock.systemUTC();

    public void attempt(long id) {
        Optional<Attempt> claimed = store.claim(id, clock.instant(), setup.lease());
        if (claimed.isEmpty()) {
            LOG.fine(() -> "Queue entry " + id + " needs no attempt now");
            return;
        }
        Attempt attempt = claimed.get();
        Map<String, List<String>> byDomain = new LinkedHashMap<>();
        for (String recipient : attempt.recipients()) {
            String domain = recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            byDomain.computeIfAbsent(domain, d -> new ArrayList<>()).add(recipient);
        }
        List<RecipientResult> results = new ArrayList<>();
        byDomain.forEach((domain, recipients) -> results.addAll(deliver(domain, recipients, attempt)));
        store.record(id, results, clock.instant());
    }

    private List<RecipientResult> deliver(String domain, List<String> recipients, Attempt attempt) {
        Route route = setup.exchangers().route(domain);
        if (route instanceof Route.Hosts hosts) {
            return setup.client().send(hosts.hops(), attempt.sender(), recipients, attempt.content());
        }
        RecipientResult.Kind kind = route instanceof Route.Unroutable ? RecipientResult.Kind.FAILED
                : RecipientResult.Kind.DEFERRED;
        String status = route instanceof Route.Unroutable unroutable ? unroutable.status() : "4.4.3";
        String diagnostic = route instanceof Route.Unroutable unroutable ? unroutable.diagnostic()
                : ((Route.DnsTrouble) route).diagnostic();
        LOG.info(() -> "No route to " + domain + " for queue entry " + attempt.id() + ": " + diagnostic);
        return recipients.stream().map(r -> new RecipientResult(r, kind, status, diagnostic, null)).toList();
    }
}
