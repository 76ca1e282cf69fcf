package org.posthorn.ejb.notify;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import java.util.Optional;

/**
 * The JMS form of one announcement: a map message with the account and, unless every mailbox of the
 * account is meant, the mailbox.
 *
 * @param mailbox empty for "every mailbox of the account"
 */
public record MailboxChangeMessage(String account, Optional<String> mailbox) {

    /** The topic, declared by {@code posthorn-configure.cli}. */
    public static final String TOPIC = "java:/jms/posthorn/mailbox-changes";

    private static final String ACCOUNT = "account";
    private static final String MAILBOX = "mailbox";

    public Message toMessage(JMSContext context) {
        MapMessage message = context.createMapMessage();
        try {
            message.setString(ACCOUNT, account);
            if (mailbox.isPresent()) {
                message.setString(MAILBOX, mailbox.get());
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build a mailbox change message", e);
        }
        return message;
    }

    /** The announcement a message carries; empty if it is not one (then it is dropped). */
    public static Optional<MailboxChangeMessage> from(Message message) throws JMSException {
        if (!(message instanceof MapMessage map) || map.getString(ACCOUNT) == null) {
            return Optional.empty();
        }
        return Optional.of(new MailboxChangeMessage(map.getString(ACCOUNT),
                Optional.ofNullable(map.getString(MAILBOX))));
    }
}
