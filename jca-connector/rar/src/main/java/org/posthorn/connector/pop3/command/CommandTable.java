package org.posthorn.connector.pop3.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.pop3.Pop3Config;
import org.posthorn.connector.pop3.decode.Arguments;
import org.posthorn.connector.pop3.decode.Pop3Command;

/**
 * The POP3 commands as data: verb → argument parser, handler, valid states, allowed before TLS.
 * The dispatcher enforces the states once for every command (STYLE 2).
 */
public final class CommandTable {

    private final Map<String, CommandSpec<?>> byVerb = new LinkedHashMap<>();
    private final PlaintextAuthPolicy plaintextAuth;

    /**
     * @param plaintextAuth whether the commands not {@linkplain CommandSpec#allowedBeforeTls() allowed before
     *                      TLS} (those that carry credentials) may run on a connection without TLS
     */
    public CommandTable(List<CommandSpec<?>> specs, PlaintextAuthPolicy plaintextAuth) {
        this.plaintextAuth = java.util.Objects.requireNonNull(plaintextAuth, "plaintextAuth");
        for (CommandSpec<?> spec : specs) {
            if (byVerb.putIfAbsent(spec.verb(), spec) != null) {
                throw new IllegalArgumentException("verb twice in command table: " + spec.verb());
            }
        }
    }

    /**
     * Posthorn's POP3: RFC 1939 with the optional USER/PASS, TOP and UIDL, RFC 2449 CAPA, RFC 5034
     * AUTH PLAIN and SCRAM-SHA-256, and RFC 2595 STLS where {@code stls}.
     *
     * @param locks    the adapter's maildrop locks, shared by its POP3 listeners
     * @param throttle the adapter's failed-login record, shared by every listener that takes passwords
     * @param scram    the adapter's SCRAM exchanges
     * @param config   the server's name for the sign-off line, the failed-login delay, the plaintext policy
     * @param stls     whether STLS is offered (a plain listener with TLS credentials)
     */
    public static CommandTable standard(PostOffice postOffice, MaildropLocks locks, LoginThrottle throttle,
                                        ScramServers scram, Pop3Config config, boolean stls) {
        String hostname = config.hostname();
        Login login = new Login(postOffice, locks, throttle, config.authFailureDelay());
        RetrCommand retrieve = new RetrCommand(postOffice);
        List<CommandSpec<?>> specs = new ArrayList<>(List.of(
                // verb, arguments, handler, states, allowed before TLS
                CommandSpec.anyState("CAPA", Arguments.none(Pop3Command.Capa::new),
                        new CapaCommand(config.plaintextAuth(), stls), true),
                CommandSpec.authorization("USER", Arguments.user(), new UserCommand(), false),
                CommandSpec.authorization("PASS", Arguments.pass(), new PassCommand(login), false),
                CommandSpec.authorization("AUTH", Arguments.auth(), new AuthCommand(login, scram), false),
                CommandSpec.transaction("STAT", Arguments.none(Pop3Command.Stat::new), new StatCommand()),
                CommandSpec.transaction("LIST", Arguments.optionalMessage(Pop3Command.ListMessages::new), new ListCommand()),
                CommandSpec.transaction("RETR", Arguments.message(Pop3Command.Retr::new), retrieve::retr),
                CommandSpec.transaction("TOP", Arguments.top(), retrieve::top),
                CommandSpec.transaction("UIDL", Arguments.optionalMessage(Pop3Command.Uidl::new), new UidlCommand()),
                CommandSpec.transaction("DELE", Arguments.message(Pop3Command.Dele::new), new DeleCommand()),
                CommandSpec.transaction("RSET", Arguments.none(Pop3Command.Rset::new), new RsetCommand()),
                CommandSpec.anyState("NOOP", Arguments.none(Pop3Command.Noop::new), (noop, session) -> Outcome.ok(""), true),
                CommandSpec.anyState("QUIT", Arguments.none(Pop3Command.Quit::new), new QuitCommand(postOffice, hostname), true)));
        if (stls) {
            specs.add(CommandSpec.authorization("STLS", Arguments.none(Pop3Command.Stls::new), new StlsCommand(), true));
        }
        return new CommandTable(specs, config.plaintextAuth());
    }

    /** Whether credentials may be sent on a given connection. */
    public PlaintextAuthPolicy plaintextAuth() {
        return plaintextAuth;
    }

    /** The row for an upper-case verb. */
    public Optional<CommandSpec<?>> lookup(String verb) {
        return Optional.ofNullable(byVerb.get(verb));
    }

    public Collection<CommandSpec<?>> commands() {
        return byVerb.values();
    }
}
