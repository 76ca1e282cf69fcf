package org.posthorn.connector.imap.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.posthorn.connector.imap.decode.ImapCommand;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.connector.imap.encode.ImapStrings;

/** The commands that only talk about the session or the server: CAPABILITY, NOOP, LOGOUT, ID, NAMESPACE, ENABLE. */
final class BasicHandlers {

    private static final Logger LOG = Logger.getLogger(BasicHandlers.class.getName());

    private final Capabilities capabilities;

    BasicHandlers(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    Outcome capability(ImapCommand.Capability command, ImapSession session) {
        return Outcome.done(List.of(Responses.data("CAPABILITY " + capabilities.of(session)),
                Responses.ok(command.tag(), "Capability completed")));
    }

    /** NOOP and CHECK (RFC 3501 §6.1.2, §6.4.1): nothing to do but report news, which the dispatcher adds. */
    Outcome noop(ImapCommand command, ImapSession session) {
        String verb = command instanceof ImapCommand.Check ? "Check" : "NOOP";
        return Outcome.done(Responses.ok(command.tag(), verb + " completed"));
    }

    Outcome logout(ImapCommand.Logout command, ImapSession session) {
        session.logout();
        return new Outcome.Done(List.of(new ImapResponse.Untagged(ImapResponse.Status.BYE, Optional.empty(),
                "Logging out"), Responses.ok(command.tag(), "Logout completed")), Outcome.After.CLOSE);
    }

    /** ID (RFC 2971): the client's identity goes to the log, ours to the client. */
    Outcome id(ImapCommand.Id command, ImapSession session) {
        if (!command.fields().isEmpty()) {
            LOG.fine(() -> "imap: client " + session.client().remoteAddress() + " is " + command.fields());
        }
        return Outcome.done(List.of(Responses.data("ID (" + ImapStrings.string("name") + " "
                        + ImapStrings.string("Posthorn") + " " + ImapStrings.string("vendor") + " "
                        + ImapStrings.string("Posthorn") + ")"),
                Responses.ok(command.tag(), "ID completed")));
    }

    /** NAMESPACE (RFC 2342): one personal namespace without prefix, no shared or other users' ones. */
    Outcome namespace(ImapCommand.Namespace command, ImapSession session) {
        return Outcome.done(List.of(Responses.data("NAMESPACE ((\"\" \"/\")) NIL NIL"),
                Responses.ok(command.tag(), "Namespace completed")));
    }

    /** ENABLE (RFC 5161): CONDSTORE is the one extension here that needs enabling; others are ignored. */
    Outcome enable(ImapCommand.Enable command, ImapSession session) {
        StringBuilder enabled = new StringBuilder("ENABLED");
        for (String capability : command.capabilities()) {
            if (capability.toUpperCase(Locale.ROOT).equals("CONDSTORE") && !session.condstore()) {
                session.enableCondstore();
                enabled.append(" CONDSTORE");
            }
        }
        return Outcome.done(List.of(Responses.data(enabled.toString()), Responses.ok(command.tag(), "Enabled")));
    }
}
