package org.posthorn.connector.imap.command;

import java.util.List;
import org.posthorn.connector.imap.decode.ImapCommand;
import org.posthorn.connector.imap.encode.ImapResponse;

/**
 * IDLE (RFC 2177): a continuation, then the connection handler pushes the selected mailbox's news as it
 * is announced, until the client's DONE ends the command.
 */
final class IdleHandler {

    private IdleHandler() {
    }

    static Outcome idle(ImapCommand.Idle command, ImapSession session) {
        session.idle(command.tag());
        return new Outcome.Done(List.of(new ImapResponse.Continuation("idling")), Outcome.After.IDLE);
    }

    static Outcome done(ImapSession session) {
        String tag = session.idleTag().orElseThrow();
        session.idleDone();
        return Outcome.done(Responses.ok(tag, "Idle completed"));
    }
}
