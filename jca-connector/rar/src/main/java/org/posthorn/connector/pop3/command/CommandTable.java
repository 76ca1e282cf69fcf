package org.posthorn.connector.pop3.command;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.pop3.decode.Arguments;
import org.posthorn.connector.pop3.decode.Pop3Command;

/**
 * The POP3 commands as data: verb → argument parser, handler, valid states, allowed before TLS.
 * The dispatcher enforces the states once for every command (STYLE 2).
 */
public final class CommandTable {

    private final Map<String, CommandSpec<?>> byVerb = new LinkedHashMap<>();

    public CommandTable(List<CommandSpec<?>> specs) {
        for (CommandSpec<?> spec : specs) {
            if (byVerb.putIfAbsent(spec.verb(), spec) != null) {
                throw new IllegalArgumentException("verb twice in command table: " + spec.verb());
            }
        }
    }

    /**
     * Posthorn's POP3: RFC 1939 with the optional USER/PASS, TOP and UIDL, RFC 2449 CAPA and RFC 5034
     * AUTH PLAIN.
     *
     * @param hostname     the server's name for the sign-off line
     * @param failureDelay how long a failed login waits for its answer
     */
    public static CommandTable standard(PostOffice postOffice, MaildropLocks locks, String hostname, Duration failureDelay) {
        Login login = new Login(postOffice, locks, failureDelay);
        RetrCommand retrieve = new RetrCommand(postOffice);
        return new CommandTable(List.of(
                // verb, arguments, handler, states, allowed before TLS
                CommandSpec.anyState("CAPA", Arguments.none(Pop3Command.Capa::new), new CapaCommand(), true),
                CommandSpec.authorization("USER", Arguments.user(), new UserCommand(), false),
                CommandSpec.authorization("PASS", Arguments.pass(), new PassCommand(login), false),
                CommandSpec.authorization("AUTH", Arguments.auth(), new AuthCommand(login), false),
                CommandSpec.transaction("STAT", Arguments.none(Pop3Command.Stat::new), new StatCommand()),
                CommandSpec.transaction("LIST", Arguments.optionalMessage(Pop3Command.ListMessages::new), new ListCommand()),
                CommandSpec.transaction("RETR", Arguments.message(Pop3Command.Retr::new), retrieve::retr),
                CommandSpec.transaction("TOP", Arguments.top(), retrieve::top),
                CommandSpec.transaction("UIDL", Arguments.optionalMessage(Pop3Command.Uidl::new), new UidlCommand()),
                CommandSpec.transaction("DELE", Arguments.message(Pop3Command.Dele::new), new DeleCommand()),
                CommandSpec.transaction("RSET", Arguments.none(Pop3Command.Rset::new), new RsetCommand()),
                CommandSpec.anyState("NOOP", Arguments.none(Pop3Command.Noop::new), (noop, session) -> Outcome.ok(""), true),
                CommandSpec.anyState("QUIT", Arguments.none(Pop3Command.Quit::new), new QuitCommand(postOffice, hostname), true)));
    }

    /** The row for an upper-case verb. */
    public Optional<CommandSpec<?>> lookup(String verb) {
        return Optional.ofNullable(byVerb.get(verb));
    }

    public Collection<CommandSpec<?>> commands() {
        return byVerb.values();
    }
}
