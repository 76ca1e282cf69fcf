package org.posthorn.ejb.mta;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.posthorn.ejb.ConnectorBinding;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.RecipientVerdict;
import org.posthorn.spi.smtp.SenderVerdict;
import org.posthorn.spi.smtp.SmtpEnvelope;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/**
 * The MTA as the SMTP server sees it: {@link SenderPolicy} at an authenticated client's {@code MAIL FROM},
 * {@link RecipientResolver} at {@code RCPT TO} (relaying for authenticated clients only), {@link MailIntake}
 * at the end of {@code DATA}. Each call runs in its own container transaction, committed before the
 * call returns; refusals are values, exceptions mean an internal failure (the wire answers 451).
 */
@MessageDriven(messageListenerInterface = SmtpTransactionListener.class)
@ResourceAdapter(ConnectorBinding.RESOURCE_ADAPTER)
public class SmtpTransactionMdb implements SmtpTransactionListener {

    @Inject
    SenderPolicy senders;

    @Inject
    RecipientResolver recipients;

    @Inject
    MailIntake intake;

    @Override
    public SenderVerdict checkSender(SmtpEnvelope transaction) {
        return senders.check(transaction);
    }

    @Override
    public RecipientVerdict checkRecipient(SmtpEnvelope transaction, MailAddress recipient) {
        Resolution resolution = recipients.resolve(recipient, transaction.client().authenticatedUser().isPresent());
        return resolution instanceof Resolution.Refused refused
                ? RecipientVerdict.refuse(refused.error())
                : RecipientVerdict.accept();
    }

    @Override
    public DeliveryOutcome deliver(SmtpEnvelope envelope, MessageContent content) {
        return intake.accept(envelope, content);
    }
}
