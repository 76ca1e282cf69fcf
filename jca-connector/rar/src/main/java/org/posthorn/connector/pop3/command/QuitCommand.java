package org.posthorn.connector.pop3.command;

import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.pop3.decode.Pop3Command;
import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.connector.pop3.encode.ResponseCode;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * {@code QUIT}. In AUTHORIZATION it only ends the session (RFC 1939 §4). In TRANSACTION it enters
 * UPDATE (RFC 1939 §6): the marked messages are removed in one call to the post office and then the
 * connection closes either way. If the removal fails, the reply is {@code -ERR} and every message
 * stays where it was, so the client loses nothing and may try again.
 */
final class QuitCommand implements CommandHandler<Pop3Command.Quit> {

    private static final Logger LOG = Logger.getLogger(QuitCommand.class.getName());

    private final PostOffice postOffice;
    private final String hostname;

    QuitCommand(PostOffice postOffice, String hostname) {
        this.postOffice = Objects.requireNonNull(postOffice);
        this.hostname = Objects.requireNonNull(hostname);
    }

    @Override
    public Outcome handle(Pop3Command.Quit command, Pop3Session session) {
        if (session.state() == Pop3State.AUTHORIZATION) {
            return Outcome.close(new Pop3Response.Ok(hostname + " POP3 server signing off"));
        }
        String account = session.account();
        List<Long> ids = session.maildrop().deletedIds();
        int left = session.maildrop().visibleCount();
        session.enterUpdate();
        Outcome.Reply signedOff = Outcome.close(new Pop3Response.Ok(
                hostname + " POP3 server signing off (" + left + (left == 1 ? " message left)" : " messages left)")));
        if (ids.isEmpty()) {
            return signedOff;
        }
        return new Outcome.Await<>(postOffice.call(MaildropListener.class, listener -> listener.delete(account, ids)),
                error -> {
                    if (error.isEmpty()) {
                        return signedOff;
                    }
                    LOG.warning(() -> "pop3: removing " + ids.size() + " messages of " + account + " refused: " + error.get());
                    return Outcome.close(new Pop3Response.Err(Replies.codeOf(error.get()),
                            "Some deleted messages not removed"));
                },
                () -> Outcome.close(new Pop3Response.Err(ResponseCode.SYS_TEMP,
                        "Some deleted messages not removed, try again later")));
    }
}
