package org.posthorn.connector.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.RecipientVerdict;
import org.posthorn.spi.smtp.SenderVerdict;
import org.posthorn.spi.smtp.SmtpEnvelope;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/**
 * An MTA for the wire's tests. Local domains: {@code example.test} and the server's host name. Users:
 * {@code alice}, {@code bob} and {@code postmaster}; any other local user is {@code NOT_FOUND}, any
 * other domain {@code NO_PERMISSION} (no relaying) unless the session has authenticated, which may
 * send anywhere, but only as itself. A few local parts stand for the other answers:
 * {@code full} is {@code OVER_QUOTA}, {@code busy} is {@code TEMPORARY_FAILURE}, {@code crash} throws.
 * Deliveries are recorded with the exact bytes, and can be made to fail. Thread-safe: called on
 * worker threads.
 */
public final class FakeMta implements SmtpTransactionListener {

    /** One delivered message. */
    public record Delivery(String id, SmtpEnvelope envelope, byte[] content) {
    }

    private static final Set<String> USERS = Set.of("alice", "bob", "postmaster");

    private final Set<String> localDomains;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<SmtpEnvelope> recipientChecks = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicReference<Optional<MailError>> deliveryRefusal = new AtomicReference<>(Optional.empty());
    private final AtomicReference<RuntimeException> deliveryCrash = new AtomicReference<>();

    public FakeMta(String hostname) {
        this.localDomains = Set.of("example.test", hostname.toLowerCase(Locale.ROOT));
    }

    /** An authenticated client may only send as the account it logged in as (compared without case). */
    @Override
    public SenderVerdict checkSender(SmtpEnvelope transaction) {
        Optional<String> user = transaction.client().authenticatedUser();
        if (user.isEmpty() || transaction.sender().isEmpty()
                || transaction.sender().get().toString().equalsIgnoreCase(user.get())) {
            return SenderVerdict.accept();
        }
        return SenderVerdict.refuse(MailError.NO_PERMISSION);
    }

    @Override
    public RecipientVerdict checkRecipient(SmtpEnvelope transaction, MailAddress recipient) {
        recipientChecks.add(transaction);
        if (!localDomains.contains(recipient.domain())) {
            return transaction.client().authenticatedUser().isPresent()
                    ? RecipientVerdict.accept() : RecipientVerdict.refuse(MailError.NO_PERMISSION);
        }
        return switch (recipient.normalizedLocalPart()) {
            case "full" -> RecipientVerdict.refuse(MailError.OVER_QUOTA);
            case "busy" -> RecipientVerdict.refuse(MailError.TEMPORARY_FAILURE);
            case "crash" -> throw new IllegalStateException("the fake MTA crashes for 'crash', as asked");
            default -> USERS.contains(recipient.normalizedLocalPart())
                    ? RecipientVerdict.accept() : RecipientVerdict.refuse(MailError.NOT_FOUND);
        };
    }

    @Override
    public DeliveryOutcome deliver(SmtpEnvelope envelope, MessageContent content) {
        RuntimeException crash = deliveryCrash.get();
        if (crash != null) {
            throw crash;
        }
        Optional<MailError> refusal = deliveryRefusal.get();
        if (refusal.isPresent()) {
            return DeliveryOutcome.refused(refusal.get());
        }
        try {
            String id = "FAKE" + ids.incrementAndGet();
            deliveries.add(new Delivery(id, envelope, content.readAllBytes()));
            return DeliveryOutcome.accepted(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every later delivery answer with this refusal. */
    public FakeMta refuseDeliveries(MailError error) {
        deliveryRefusal.set(Optional.of(error));
        return this;
    }

    /** Makes every later delivery throw this. */
    public FakeMta crashDeliveries(RuntimeException crash) {
        deliveryCrash.set(crash);
        return this;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The envelopes passed to {@link #checkRecipient}, in order. */
    public List<SmtpEnvelope> recipientChecks() {
        return List.copyOf(recipientChecks);
    }
}
