package org.posthorn.ejb.auth;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.posthorn.ejb.ConnectorBinding;
import org.posthorn.spi.MailError;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.auth.AuthenticationResult;
import org.posthorn.spi.auth.Credentials;

/** The password store as SMTP AUTH, POP3 and IMAP see it: {@link Authenticator} behind the SPI. */
@MessageDriven(messageListenerInterface = AuthenticationListener.class)
@ResourceAdapter(ConnectorBinding.RESOURCE_ADAPTER)
public class AuthenticationMdb implements AuthenticationListener {

    private static final Logger LOG = Logger.getLogger(AuthenticationMdb.class.getName());

    @Inject
    Authenticator authenticator;

    @Inject
    LoginFailures failures;

    @Override
    public AuthenticationResult authenticate(Credentials credentials) {
        return authenticator.authenticate(credentials.login(), credentials.password())
                .map(account -> AuthenticationResult.success(account.name()))
                .orElseGet(() -> {
                    // One line per failure, for the operator and for tools like fail2ban.
                    LOG.info(() -> "Failed " + credentials.client().service() + " login for '"
                            + LogText.safe(credentials.login()) + "' from " + credentials.client().remoteAddress());
                    failures.record(credentials.client().service(), credentials.login(),
                            credentials.client().remoteAddress().getHostString());
                    return AuthenticationResult.failure(MailError.AUTHENTICATION_FAILED);
                });
    }
}
