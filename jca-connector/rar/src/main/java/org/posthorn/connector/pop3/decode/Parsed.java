package org.posthorn.connector.pop3.decode;

/**
 * The result of parsing a command's arguments: the command, or why the arguments are not acceptable.
 *
 * @param <C> the command record
 */
public sealed interface Parsed<C> {

    record Command<C>(C command) implements Parsed<C> {
    }

    /** The reason is fixed server text: it never contains client input. */
    record Malformed<C>(String reason) implements Parsed<C> {
    }

    static <C> Parsed<C> of(C command) {
        return new Command<>(command);
    }

    static <C> Parsed<C> malformed(String reason) {
        return new Malformed<>(reason);
    }
}
