package org.posthorn.connector.smtp.command;

import static org.posthorn.connector.smtp.command.CommandFlag.BEFORE_AUTH;
import static org.posthorn.connector.smtp.command.CommandFlag.BEFORE_TLS;
import static org.posthorn.connector.smtp.command.CommandFlag.CHANGES_FRAMING;
import static org.posthorn.connector.smtp.command.CommandFlag.UNIMPLEMENTED;
import static org.posthorn.connector.smtp.command.SessionState.CONNECTED;
import static org.posthorn.connector.smtp.command.SessionState.GREETED;
import static org.posthorn.connector.smtp.command.SessionState.MAIL;
import static org.posthorn.connector.smtp.command.SessionState.RCPT;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.smtp.decode.Arguments;
import org.posthorn.connector.smtp.decode.Parsed;
import org.posthorn.connector.smtp.decode.SmtpCommand;
import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * Every SMTP verb Posthorn knows, as data: the argument parser, the handler, the states it is valid in
 * (RFC 5321 §4.1.4), and its {@link CommandFlag}s. {@link SmtpDispatcher} enforces all of it, once.
 *
 * <p>RFC 5321 §4.1.4: NOOP, HELP, VRFY, RSET (and QUIT) may come at any time, also before EHLO.
 * Recognised verbs that are not implemented answer {@code 502}; the framing-changing ones among them
 * still pause the decoder, so that implementing them later cannot reopen the injection bugs that the
 * pause prevents.
 */
public final class SmtpCommandTable {

    private static final Set<SessionState> ANY = EnumSet.of(CONNECTED, GREETED, MAIL, RCPT);

    private final Map<String, CommandSpec<?>> specs = new LinkedHashMap<>();

    /** A table without STARTTLS or AUTH (answered {@code 502}): for a listener that has no TLS credentials. */
    public SmtpCommandTable(PostOffice postOffice) {
        this(postOffice, false, Optional.empty());
    }

    /**
     * @param startTls whether STARTTLS (RFC 3207) is offered: advertised in EHLO before TLS and carried
     *                 out; else recognised and answered {@code 502}
     * @param login    where AUTH (RFC 4954) checks passwords, on a listener that takes logins
     *                 (submission); empty: AUTH is recognised and answered {@code 502}, as on the MX
     *                 port, where Posthorn's users do not log in
     */
    public SmtpCommandTable(PostOffice postOffice, boolean startTls, Optional<SmtpLogin> login) {
        add("EHLO", Arguments::hello, new HelloHandler(true, startTls, login.isPresent()), ANY, BEFORE_TLS, BEFORE_AUTH);
        add("HELO", Arguments::hello, new HelloHandler(false, startTls, login.isPresent()), ANY, BEFORE_TLS, BEFORE_AUTH);
        add("MAIL", Arguments::mailFrom, new MailHandler(postOffice), EnumSet.of(GREETED));
        add("RCPT", Arguments::rcptTo, new RcptHandler(postOffice), EnumSet.of(MAIL, RCPT));
        add("DATA", Arguments::none, BasicHandlers::data, EnumSet.of(RCPT), CHANGES_FRAMING);
        add("RSET", Arguments::none, BasicHandlers::rset, ANY, BEFORE_TLS, BEFORE_AUTH);
        add("NOOP", Arguments::optionalText, BasicHandlers::noop, ANY, BEFORE_TLS, BEFORE_AUTH);
        add("QUIT", Arguments::none, BasicHandlers::quit, ANY, BEFORE_TLS, BEFORE_AUTH);
        add("VRFY", Arguments::requiredText, BasicHandlers::vrfy, ANY);
        add("HELP", Arguments::optionalText, (command, session) -> BasicHandlers.help(implementedVerbs()),
                ANY, BEFORE_TLS, BEFORE_AUTH);
        // RFC 3207 §4: not in the middle of a transaction, which it would silently end (Postfix answers
        // 503 there too). It changes the framing: what follows it must never be read as commands.
        if (startTls) {
            add("STARTTLS", Arguments::none, new StartTlsHandler(), EnumSet.of(CONNECTED, GREETED),
                    BEFORE_TLS, BEFORE_AUTH, CHANGES_FRAMING);
        } else {
            unimplemented("STARTTLS", BEFORE_TLS, BEFORE_AUTH, CHANGES_FRAMING);
        }
        // RFC 4954 §4: after EHLO, not during a mail transaction. Its exchange's lines are no commands.
        if (login.isPresent()) {
            add("AUTH", Arguments::auth, new AuthHandler(login.get()), EnumSet.of(GREETED), BEFORE_AUTH, CHANGES_FRAMING);
        } else {
            unimplemented("AUTH", BEFORE_AUTH, CHANGES_FRAMING);
        }
        // Recognised, not (yet) implemented. BDAT (RFC 3030) changes the framing, so the decoder
        // pauses after it already.
        unimplemented("BDAT", CHANGES_FRAMING);
        unimplemented("EXPN");
        unimplemented("ETRN");
        unimplemented("TURN");
        unimplemented("SEND");
        unimplemented("SOML");
        unimplemented("SAML");
    }

    /** The row for a verb (upper case), if it is one. */
    Optional<CommandSpec<?>> find(String verb) {
        return Optional.ofNullable(specs.get(verb));
    }

    /** Whether the decoder must pause after a line with this verb (upper case). */
    public boolean changesFraming(String verb) {
        CommandSpec<?> spec = specs.get(verb);
        return spec != null && spec.has(CHANGES_FRAMING);
    }

    /** The verbs that do something, in table order, for HELP. */
    String implementedVerbs() {
        return specs.values().stream()
                .filter(spec -> !spec.has(UNIMPLEMENTED))
                .map(CommandSpec::verb)
                .collect(Collectors.joining(" "));
    }

    private <C extends SmtpCommand> void add(String verb, Function<String, Parsed<C>> parser, CommandHandler<C> handler,
                                             Set<SessionState> validIn, CommandFlag... flags) {
        Set<CommandFlag> flagSet = flags.length == 0 ? EnumSet.noneOf(CommandFlag.class) : EnumSet.of(flags[0], flags);
        specs.put(verb, new CommandSpec<>(verb, parser, handler, validIn, flagSet));
    }

    private void unimplemented(String verb, CommandFlag... flags) {
        CommandFlag[] all = java.util.Arrays.copyOf(flags, flags.length + 1);
        all[flags.length] = UNIMPLEMENTED;
        add(verb, Arguments::optionalText,
                (command, session) -> Outcome.reply(SmtpReply.of(502, "5.5.1", "Error: command not implemented")),
                ANY, all);
    }
}
