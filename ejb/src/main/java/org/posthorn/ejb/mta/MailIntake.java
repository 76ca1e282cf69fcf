package org.posthorn.ejb.mta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.posthorn.ejb.queue.OutboundQueue;
import org.posthorn.settings.Settings;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.SmtpEnvelope;

/**
 * What happens to a message at the end of {@code DATA}, in the caller's transaction, so that the
 * client hears {@code 250} only once all of it is durable (DESIGN.md):
 * <ol>
 *   <li>Loop detection (RFC 5321 §6.3): a message that would carry more than {@value #MAX_RECEIVED}
 *       {@code Received:} fields with ours is refused ({@code INVALID}, {@code 554}), never
 *       delivered; the sending server bounces it.</li>
 *   <li>Each recipient is resolved again ({@link RecipientResolver}): to local accounts and remote
 *       addresses, relaying only for a client that authenticated. One that no longer resolves is
 *       skipped; if nobody is left, {@code NOT_FOUND}.</li>
 *   <li>Our {@code Received:} goes on top; a submission (the client authenticated) has its client
 *       address left out of it unless {@code posthorn.submission.received-client-address=show}, and
 *       gets {@code Date:} and {@code Message-ID:} when it has none (RFC 6409 §8.2, §8.3).</li>
 *   <li>The remote recipients are queued ({@link OutboundQueue}) and the local ones get their copy
 *       ({@link LocalDelivery}), both in this transaction; a submission is noted as sent mail
 *       ({@link SubmissionLog}).</li>
 * </ol>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MailIntake {

    private static final Logger LOG = Logger.getLogger(MailIntake.class.getName());

    /** RFC 5321 §6.3 suggests 100; Postfix's {@code hopcount_limit} is 50. */
    static final int MAX_RECEIVED = 50;

    @Inject
    RecipientResolver resolver;

    @Inject
    LocalDelivery delivery;

    @Inject
    OutboundQueue queue;

    @Inject
    SubmissionLog submissions;

    Clock clock = Clock.systemDefaultZone();

    public DeliveryOutcome accept(SmtpEnvelope envelope, MessageContent content) {
        byte[] original = readAll(content);
        MessageHeaders headers = MessageHeaders.of(original);
        if (headers.count("Received") + 1 > MAX_RECEIVED) {
            LOG.warning(() -> "Refused message of session " + envelope.sessionId() + ": more than " + MAX_RECEIVED
                    + " Received: fields, a mail loop");
            return DeliveryOutcome.refused(MailError.INVALID);
        }
        boolean submission = envelope.client().authenticatedUser().isPresent();
        Set<Long> accountIds = new LinkedHashSet<>();
        Map<String, MailAddress> remote = new LinkedHashMap<>();
        for (MailAddress recipient : envelope.recipients()) {
            if (resolver.resolve(recipient, submission) instanceof Resolution.Accepted accepted) {
                accountIds.addAll(accepted.accountIds());
                accepted.remote().forEach(address -> remote.putIfAbsent(address.normalized(), address));
            } else {
                LOG.info(() -> "Session " + envelope.sessionId() + ": recipient " + recipient + " no longer exists");
            }
        }
        if (accountIds.isEmpty() && remote.isEmpty()) {
            LOG.info(() -> "Refused message of session " + envelope.sessionId() + ": no recipient exists any more");
            return DeliveryOutcome.refused(MailError.NOT_FOUND);
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        String id = DeliveryIds.next(now.toInstant());
        String host = Settings.HOSTNAME.get();
        boolean showClient = !submission || Settings.SUBMISSION_CLIENT_ADDRESS.get().equals("show");
        StringBuilder top = new StringBuilder(TraceHeaders.received(envelope, host, id, now, showClient));
        if (submission) {
            if (!headers.has("Date")) {
                top.append("Date: ").append(TraceHeaders.dateTime(now)).append(TraceHeaders.CRLF);
            }
            if (!headers.has("Message-ID")) {
                top.append("Message-ID: <").append(id).append('@').append(host).append('>').append(TraceHeaders.CRLF);
            }
        }
        byte[] message = LocalDelivery.concat(top.toString().getBytes(StandardCharsets.UTF_8), original);
        if (!remote.isEmpty()) {
            queue.enqueue(id, envelope.sender(), new ArrayList<>(remote.values()), message, now.toInstant());
        }
        if (!accountIds.isEmpty()) {
            delivery.store(accountIds, envelope.sender(), message, now);
        }
        if (submission) {
            submissions.record(id, now.toInstant());
        }
        LOG.fine(() -> "Accepted " + id + " for " + accountIds.size() + " local account(s) and " + remote.size()
                + " remote recipient(s)");
        return DeliveryOutcome.accepted(id);
    }

    /**
     * Sends a message this server wrote itself (a delivery report) from the null reverse-path to one
     * recipient: into the INBOX of the accounts it resolves to, out through the queue for the remote
     * addresses it resolves to; in the caller's transaction.
     *
     * @return false if the recipient resolves nowhere (the report is dropped, and the caller logs it)
     */
    public boolean generated(String id, MailAddress recipient, byte[] message, ZonedDateTime now) {
        if (!(resolver.resolve(recipient, true) instanceof Resolution.Accepted accepted)) {
            return false;
        }
        if (!accepted.remote().isEmpty()) {
            queue.enqueue(id, Optional.empty(), accepted.remote(), message, now.toInstant());
        }
        if (!accepted.accountIds().isEmpty()) {
            delivery.store(accepted.accountIds(), Optional.empty(), message, now);
        }
        return true;
    }

    /** A new id for a message, as {@code 250 ... queued as} shows it. */
    public static String newId(Instant now) {
        return DeliveryIds.next(now);
    }

    static byte[] readAll(MessageContent content) {
        try {
            return content.readAllBytes();
        } catch (IOException e) {
            // The wire's spool failed: an internal failure, answered 451 so that the client retries.
            throw new UncheckedIOException("cannot read the received message", e);
        }
    }
}
