package org.posthorn.ejb.auth;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.posthorn.ejb.ConnectorBinding;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailError;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.auth.AuthenticationResult;
import org.posthorn.spi.auth.Credentials;
import org.posthorn.spi.auth.ScramCredentials;

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
                    failed(credentials.login(), credentials.client());
                    return AuthenticationResult.failure(MailError.AUTHENTICATION_FAILED);
                });
    }

    @Override
    public Optional<ScramCredentials> scramCredentials(String login) {
        return authenticator.scramCredentials(login);
    }

    @Override
    public void scramFailed(String login, ClientConnection client) {
        failed(login, client);
    }

    private void failed(String login, ClientConnection client) {
        // One line per failure, whatever the mechanism, for the operator and for tools like fail2ban.
        LOG.info(() -> "Failed " + client.service() + " login for '" + LogText.safe(login) + "' from "
                + client.remoteAddress());
        failures.record(client.service(), login, client.remoteAddress().getHostString());
    }
}
