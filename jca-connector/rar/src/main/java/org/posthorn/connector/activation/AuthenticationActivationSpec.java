package org.posthorn.connector.activation;

import jakarta.resource.spi.Activation;
import org.posthorn.spi.auth.AuthenticationListener;

/** Activates the MDB that implements {@link AuthenticationListener}: the password store. */
@Activation(messageListeners = AuthenticationListener.class)
public class AuthenticationActivationSpec extends ListenerActivationSpec {

    @Override
    public Class<?> listenerInterface() {
        return AuthenticationListener.class;
    }
}
