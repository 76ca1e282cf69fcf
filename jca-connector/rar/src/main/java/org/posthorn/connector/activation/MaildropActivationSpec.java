package org.posthorn.connector.activation;

import jakarta.resource.spi.Activation;
import org.posthorn.spi.pop3.MaildropListener;

/** Activates the MDB that implements {@link MaildropListener}: POP3 maildrops. */
@Activation(messageListeners = MaildropListener.class)
public class MaildropActivationSpec extends ListenerActivationSpec {

    @Override
    public Class<?> listenerInterface() {
        return MaildropListener.class;
    }
}
