package org.posthorn.connector.pop3.command;

import java.util.List;
import org.posthorn.connector.pop3.decode.Pop3Command;
import org.posthorn.connector.pop3.encode.Pop3Response;

/**
 * {@code CAPA} (RFC 2449 §5): the capabilities, the same in AUTHORIZATION and TRANSACTION.
 * {@code STLS} joins them once TLS exists.
 */
final class CapaCommand implements CommandHandler<Pop3Command.Capa> {

    /** RFC 2449 §6, RFC 3206 (AUTH-RESP-CODE), RFC 5034 §3 (SASL). */
    static final List<String> CAPABILITIES = List.of(
            "TOP", "USER", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "SASL " + AuthCommand.PLAIN, "PIPELINING",
            "IMPLEMENTATION Posthorn");

    @Override
    public Outcome handle(Pop3Command.Capa command, Pop3Session session) {
        return Outcome.reply(new Pop3Response.Listing("Capability list follows", CAPABILITIES));
    }
}
