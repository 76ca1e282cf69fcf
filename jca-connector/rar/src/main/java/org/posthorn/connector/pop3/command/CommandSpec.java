package org.posthorn.connector.pop3.command;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.posthorn.connector.pop3.decode.ArgumentParser;
import org.posthorn.connector.pop3.decode.Parsed;
import org.posthorn.connector.pop3.decode.Pop3Command;

/**
 * One row of the command table: a verb, how its arguments parse, what handles it, the states it is
 * valid in (RFC 1939 §3), and whether it is allowed before TLS (RFC 2595 §4: only what a client needs
 * to find and start TLS; the others, which carry credentials or need a login, run in the clear only
 * where the plaintext policy allows it, as {@link Pop3Dispatcher} enforces).
 *
 * @param <C> the verb's command record
 */
public record CommandSpec<C extends Pop3Command>(String verb, ArgumentParser<C> arguments, CommandHandler<C> handler,
                                                 Set<Pop3State> states, boolean allowedBeforeTls) {

    public CommandSpec {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(handler, "handler");
        states = Set.copyOf(states);
    }

    /** A command valid in AUTHORIZATION only. */
    static <C extends Pop3Command> CommandSpec<C> authorization(String verb, ArgumentParser<C> arguments,
                                                                CommandHandler<C> handler, boolean allowedBeforeTls) {
        return new CommandSpec<>(verb, arguments, handler, EnumSet.of(Pop3State.AUTHORIZATION), allowedBeforeTls);
    }

    /** A command valid in TRANSACTION only. */
    static <C extends Pop3Command> CommandSpec<C> transaction(String verb, ArgumentParser<C> arguments,
                                                              CommandHandler<C> handler) {
        return new CommandSpec<>(verb, arguments, handler, EnumSet.of(Pop3State.TRANSACTION), false);
    }

    /** A command valid in AUTHORIZATION and TRANSACTION. */
    static <C extends Pop3Command> CommandSpec<C> anyState(String verb, ArgumentParser<C> arguments,
                                                           CommandHandler<C> handler, boolean allowedBeforeTls) {
        return new CommandSpec<>(verb, arguments, handler, EnumSet.of(Pop3State.AUTHORIZATION, Pop3State.TRANSACTION),
                allowedBeforeTls);
    }

    /** Parses the arguments and, if they are well-formed, runs the handler. */
    public Outcome process(String argumentText, Pop3Session session) {
        Parsed<C> parsed = arguments.parse(argumentText);
        if (parsed instanceof Parsed.Malformed<C> malformed) {
            return Outcome.badCommand(malformed.reason());
        }
        return handler.handle(((Parsed.Command<C>) parsed).command(), session);
    }
}
