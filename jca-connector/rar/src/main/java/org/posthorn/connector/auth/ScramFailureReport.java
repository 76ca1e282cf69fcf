package org.posthorn.connector.auth;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.auth.AuthenticationListener;

/**
 * Tells the post office of a SCRAM login whose proof was wrong, so that it logs and lists it as it does
 * a wrong password (the wire alone knows of it). Nobody waits for the call: the client's answer
 * depends only on the throttle, and a failed report is logged here.
 */
public final class ScramFailureReport {

    private static final Logger LOG = Logger.getLogger(ScramFailureReport.class.getName());

    private ScramFailureReport() {
    }

    public static void send(PostOffice postOffice, String login, ClientConnection client) {
        postOffice.call(AuthenticationListener.class, listener -> {
            listener.scramFailed(login, client);
            return Boolean.TRUE;
        }).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, failure, () -> "could not report a failed " + client.service() + " SCRAM login");
            }
        });
    }
}
