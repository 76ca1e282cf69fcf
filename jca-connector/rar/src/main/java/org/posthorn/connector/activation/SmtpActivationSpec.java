package org.posthorn.connector.activation;

import jakarta.resource.spi.Activation;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/** Activates the MDB that implements {@link SmtpTransactionListener}: the MTA's recipient verdicts and message acceptance. */
@Activation(messageListeners = SmtpTransactionListener.class)
public class SmtpActivationSpec extends ListenerActivationSpec {

    @Override
    public Class<?> listenerInterface() {
        return SmtpTransactionListener.class;
    }
}
