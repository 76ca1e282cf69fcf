package org.posthorn.ejb.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.posthorn.ejb.mta.MailIntake;
import org.posthorn.settings.Settings;
import org.posthorn.spi.MailAddress;

/**
 * Tells the sender of a queued message what became of it (RFC 3464), in the caller's transaction: a
 * {@code failed} report for recipients given up on, a {@code delayed} one once for recipients still
 * being tried. None for the null reverse-path (RFC 5321 §4.5.5), so reports never bounce. A local
 * sender gets the report in their INBOX; a remote one through the queue, from {@code <>}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Bounces {

    private static final Logger LOG = Logger.getLogger(Bounces.class.getName());

    @Inject
    MailIntake intake;

    public void failed(QueuedMessage entry, List<QueuedRecipient> recipients, Instant now) {
        send(entry, recipients, DeliveryStatusReport.Action.FAILED, now);
    }

    public void delayed(QueuedMessage entry, List<QueuedRecipient> recipients, Instant now) {
        send(entry, recipients, DeliveryStatusReport.Action.DELAYED, now);
    }

    private void send(QueuedMessage entry, List<QueuedRecipient> recipients, DeliveryStatusReport.Action action,
                      Instant now) {
        Optional<String> sender = entry.getSender();
        if (sender.isEmpty() || recipients.isEmpty()) {
            LOG.fine(() -> "No " + action + " report for " + entry.getDeliveryId() + ": null sender");
            return;
        }
        String host = Settings.HOSTNAME.get();
        String id = MailIntake.newId(now);
        Instant retryUntil = entry.getCreated().plus(Settings.QUEUE_MAX_AGE.get());
        byte[] report = DeliveryStatusReport.build(host, entry, recipients, action, now, retryUntil, id + "@" + host);
        boolean sent = intake.generated(id, MailAddress.of(sender.get()), report, now.atZone(ZoneOffset.UTC));
        LOG.info(() -> (sent ? "Sent " : "Could not send ") + action.name().toLowerCase() + " report " + id + " for "
                + entry.getDeliveryId() + " to " + sender.get());
    }
}
