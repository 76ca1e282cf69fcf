package org.posthorn.connector.pop3.command;

import java.util.ArrayList;
import java.util.List;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.pop3.decode.Pop3Command;
import org.posthorn.connector.pop3.encode.Pop3Response;

/**
 * {@code CAPA} (RFC 2449 §5): the capabilities (RFC 2449 §6, RFC 3206 AUTH-RESP-CODE, RFC 5034 §3 SASL,
 * RFC 2595 §4 STLS), as they are for this connection now:
 *
 * <ul>
 *   <li>{@code STLS} only where it is offered and TLS is not active yet (RFC 2595 §4);</li>
 *   <li>{@code USER} and {@code SASL} only where the client may send a password now, so a client does not
 *       try plaintext login on a connection where it would be refused (RFC 2595 §4; Dovecot does the same).
 *       SCRAM-SHA-256 follows the same rule as PLAIN (ADR 0008).</li>
 * </ul>
 */
final class CapaCommand implements CommandHandler<Pop3Command.Capa> {

    private final PlaintextAuthPolicy plaintextAuth;
    private final boolean stls;

    /** @param stls whether STLS is offered on this listener */
    CapaCommand(PlaintextAuthPolicy plaintextAuth, boolean stls) {
        this.plaintextAuth = plaintextAuth;
        this.stls = stls;
    }

    @Override
    public Outcome handle(Pop3Command.Capa command, Pop3Session session) {
        return Outcome.reply(new Pop3Response.Listing("Capability list follows", capabilities(session)));
    }

    List<String> capabilities(Pop3Session session) {
        boolean credentials = plaintextAuth.authAllowed(session.client());
        List<String> capabilities = new ArrayList<>();
        capabilities.add("TOP");
        if (credentials) {
            capabilities.add("USER");
        }
        capabilities.addAll(List.of("UIDL", "RESP-CODES", "AUTH-RESP-CODE"));
        if (credentials) {
            capabilities.add("SASL " + String.join(" ", AuthCommand.MECHANISMS));
        }
        capabilities.add("PIPELINING");
        if (stls && !session.client().secure()) {
            capabilities.add("STLS");
        }
        capabilities.add("IMPLEMENTATION Posthorn");
        return capabilities;
    }
}
