package org.posthorn.connector.pop3.command;

/**
 * Processes one kind of command. Implementations touch no I/O: they read and change the session
 * and say what happens next.
 *
 * @param <C> the command record
 */
@FunctionalInterface
public interface CommandHandler<C> {

    Outcome handle(C command, Pop3Session session);
}
