package org.posthorn.connector.activation;

import jakarta.resource.spi.Activation;
import org.posthorn.spi.imap.MailboxStoreListener;

/** Activates the MDB that implements {@link MailboxStoreListener}: the mailbox store IMAP works on. */
@Activation(messageListeners = MailboxStoreListener.class)
public class MailboxStoreActivationSpec extends ListenerActivationSpec {

    @Override
    public Class<?> listenerInterface() {
        return MailboxStoreListener.class;
    }
}
