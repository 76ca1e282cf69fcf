package org.posthorn.ejb.pop3;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.posthorn.ejb.ConnectorBinding;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.pop3.MaildropEntry;
import org.posthorn.spi.pop3.MaildropListener;

/** The POP3 maildrop as the wire sees it: {@link Maildrop} behind the SPI. */
@MessageDriven(messageListenerInterface = MaildropListener.class)
@ResourceAdapter(ConnectorBinding.RESOURCE_ADAPTER)
public class MaildropMdb implements MaildropListener {

    @Inject
    Maildrop maildrop;

    @Override
    public List<MaildropEntry> list(String account) {
        return maildrop.list(account);
    }

    @Override
    public Optional<MessageContent> retrieve(String account, long messageId) {
        return maildrop.retrieve(account, messageId);
    }

    @Override
    public Optional<MailError> delete(String account, List<Long> messageIds) {
        return maildrop.delete(account, messageIds);
    }
}
