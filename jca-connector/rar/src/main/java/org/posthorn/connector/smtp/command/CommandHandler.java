package org.posthorn.connector.smtp.command;

import org.posthorn.connector.smtp.decode.SmtpCommand;

/**
 * What one verb does, once the dispatcher has checked that it may run now and its argument parsed.
 * Never sees a channel or a socket.
 *
 * @param <C> the parsed command
 */
@FunctionalInterface
interface CommandHandler<C extends SmtpCommand> {

    Outcome handle(C command, SmtpSession session);
}
