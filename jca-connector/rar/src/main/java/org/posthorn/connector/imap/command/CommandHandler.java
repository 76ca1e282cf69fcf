package org.posthorn.connector.imap.command;

import org.posthorn.connector.imap.decode.ImapCommand;

/** Carries out one kind of command; never sees a channel or a thread. */
@FunctionalInterface
interface CommandHandler<C extends ImapCommand> {

    Outcome handle(C command, ImapSession session);
}
