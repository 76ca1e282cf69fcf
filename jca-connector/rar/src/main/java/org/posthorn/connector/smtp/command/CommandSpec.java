package org.posthorn.connector.smtp.command;

import java.util.Set;
import java.util.function.Function;
import org.posthorn.connector.smtp.decode.Parsed;
import org.posthorn.connector.smtp.decode.SmtpCommand;

/**
 * One row of the command table: a verb, how its argument is parsed, what it does, when it is valid.
 *
 * @param verb    the verb, upper case
 * @param parser  parses the argument text into the command record
 * @param handler runs the command
 * @param validIn the session states in which it is not out of sequence (RFC 5321 §4.1.4)
 * @param flags   see {@link CommandFlag}
 */
record CommandSpec<C extends SmtpCommand>(String verb, Function<String, Parsed<C>> parser, CommandHandler<C> handler,
                                          Set<SessionState> validIn, Set<CommandFlag> flags) {

    CommandSpec {
        validIn = Set.copyOf(validIn);
        flags = Set.copyOf(flags);
    }

    boolean has(CommandFlag flag) {
        return flags.contains(flag);
    }
}
