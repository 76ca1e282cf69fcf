package org.posthorn.connector.imap.command;

import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.auth.ScramServer;

/**
 * What the server advertises (RFC 3501 §6.1.1, §7.2.1): exactly the extensions that work. Before
 * login, STARTTLS where TLS can still start, and AUTH=PLAIN and AUTH=SCRAM-SHA-256 or, where credentials may not be sent in
 * clear, LOGINDISABLED (RFC 3501 §6.2.3); after login the extensions a client may use.
 */
final class Capabilities {

    /** Understood in any state: the decoder accepts LITERAL+ and SASL-IR from the first command. */
    private static final String BASE = "IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE";
    private static final String AFTER_LOGIN = BASE + " NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE"
            + " LIST-EXTENDED LIST-STATUS CONDSTORE ESEARCH";

    private final PlaintextAuthPolicy plaintextAuth;
    private final boolean startTlsOffered;

    Capabilities(PlaintextAuthPolicy plaintextAuth, boolean startTlsOffered) {
        this.plaintextAuth = plaintextAuth;
        this.startTlsOffered = startTlsOffered;
    }

    /** The capability list for {@code session}'s present state, without the leading {@code CAPABILITY}. */
    String of(ImapSession session) {
        if (session.state() != ImapState.NOT_AUTHENTICATED) {
            return AFTER_LOGIN;
        }
        StringBuilder list = new StringBuilder(BASE);
        if (startTlsOffered && !session.client().secure()) {
            list.append(" STARTTLS");
        }
        // SCRAM only where PLAIN is offered: one rule for every mechanism (ADR 0008).
        list.append(credentialsAllowed(session) ? " AUTH=PLAIN AUTH=" + ScramServer.MECHANISM : " LOGINDISABLED");
        return list.toString();
    }

    boolean credentialsAllowed(ImapSession session) {
        return plaintextAuth.authAllowed(session.client());
    }

    boolean startTlsOffered(ImapSession session) {
        return startTlsOffered && !session.client().secure();
    }
}
