package org.posthorn.connector.imap.command;

import java.util.List;
import java.util.Optional;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.Fetch;
import org.posthorn.connector.imap.decode.IdleDone;
import org.posthorn.connector.imap.decode.ImapCommand;
import org.posthorn.connector.imap.decode.ImapInput;
import org.posthorn.connector.imap.decode.ParseError;
import org.posthorn.connector.imap.decode.SaslResponse;
import org.posthorn.connector.imap.decode.Search;
import org.posthorn.connector.imap.decode.Store;
import org.posthorn.connector.imap.encode.ImapResponse;

/**
 * Takes each decoded input to its command and enforces the command table once for all of them:
 * refused input and commands in the wrong state get a tagged BAD and count as bad commands (after too
 * many the connection closes with BYE); credentials are refused on a connection without TLS unless the
 * plaintext policy allows them there ({@code NO [PRIVACYREQUIRED]}); and the news of the selected
 * mailbox goes in front of each command's completion where the protocol allows it. Stateless: one
 * instance serves every connection of a listener.
 */
public final class ImapDispatcher {

    private final CommandTable table;
    private final MailboxUpdates updates;
    private final ImapConfig config;

    public ImapDispatcher(PostOffice postOffice, LoginThrottle throttle, ScramServers scram, ImapConfig config,
                          boolean startTlsOffered) {
        this.table = new CommandTable(postOffice, throttle, scram, config, startTlsOffered);
        this.updates = new MailboxUpdates(postOffice);
        this.config = config;
    }

    /** The greeting (RFC 3501 §7.1.1), with the capabilities so that clients need not ask. */
    public ImapResponse greeting(ImapSession session) {
        return new ImapResponse.Untagged(ImapResponse.Status.OK,
                Optional.of("CAPABILITY " + table.capabilities().of(session)), "Posthorn IMAP server ready");
    }

    /** What to do with one input from the client (not a {@code ContinuationRequest}: the handler answers those). */
    public Outcome process(ImapInput input, ImapSession session) {
        if (input instanceof ParseError error) {
            if (session.saslTag().isPresent() && !error.closeConnection()) {
                return table.login().saslRefused(error, session);
            }
            return refused(error);
        }
        if (input instanceof SaslResponse response) {
            return table.login().saslResponse(response, session);
        }
        if (input instanceof IdleDone) {
            return IdleHandler.done(session);
        }
        ImapCommand command = (ImapCommand) input;
        Optional<CommandSpec<?>> spec = table.lookup(command);
        if (spec.isEmpty()) {
            return bad(command.tag(), "Unknown command");
        }
        if (!spec.get().states().contains(session.state())) {
            return bad(command.tag(), wrongState(spec.get().states()));
        }
        if (spec.get().credentials() && !table.capabilities().credentialsAllowed(session)) {
            return new Outcome.Done(List.of(Responses.no(command.tag(), "PRIVACYREQUIRED",
                    "Plaintext authentication disallowed on non-secure (SSL/TLS) connections.")), Outcome.After.BAD_COMMAND);
        }
        Outcome outcome = spec.get().handle(command, session);
        CommandSpec.Updates policy = spec.get().updates();
        if (policy == CommandSpec.Updates.NONE) {
            return outcome;
        }
        boolean allowExpunge = policy != CommandSpec.Updates.NO_EXPUNGE || usesUids(command);
        boolean always = policy == CommandSpec.Updates.ALWAYS;
        return Outcome.mapDone(outcome, done -> done.after() == Outcome.After.CLOSE ? done
                : updates.around(session, done, allowExpunge, always));
    }

    /** The news of the selected mailbox, during IDLE. */
    public Outcome idleUpdates(ImapSession session) {
        return updates.pushed(session, responses -> new Outcome.Done(responses, Outcome.After.IDLE));
    }

    /**
     * The response as it goes out: a bad command that reaches the limit is answered with BYE instead,
     * and the connection closes.
     */
    public Outcome.Done settle(Outcome.Done done, ImapSession session) {
        if (done.after() == Outcome.After.BAD_COMMAND && session.countBadCommand() >= config.maxBadCommands()) {
            return new Outcome.Done(List.of(new ImapResponse.Untagged(ImapResponse.Status.BYE, Optional.empty(),
                    "Too many invalid commands")), Outcome.After.CLOSE);
        }
        return done;
    }

    /** UID FETCH, UID STORE and UID SEARCH may be answered with EXPUNGE (RFC 3501 §7.4.1). */
    private static boolean usesUids(ImapCommand command) {
        return (command instanceof Fetch fetch && fetch.uid()) || (command instanceof Store store && store.uid())
                || (command instanceof Search search && search.uid());
    }

    private static Outcome refused(ParseError error) {
        ImapResponse response = switch (error.problem()) {
            case LITERAL_TOO_LARGE, COMMAND_TOO_LARGE, TOO_MANY_LITERALS -> error.tag()
                    .<ImapResponse>map(tag -> Responses.no(tag, "TOOBIG", error.message()))
                    .orElseGet(() -> new ImapResponse.Untagged(ImapResponse.Status.NO, Optional.of("TOOBIG"), error.message()));
            default -> error.tag().<ImapResponse>map(tag -> Responses.bad(tag, error.message()))
                    .orElseGet(() -> new ImapResponse.Untagged(ImapResponse.Status.BAD, Optional.empty(), error.message()));
        };
        if (error.closeConnection()) {
            return new Outcome.Done(List.of(response, new ImapResponse.Untagged(ImapResponse.Status.BYE, Optional.empty(),
                    "Too much data, closing connection")), Outcome.After.CLOSE);
        }
        return new Outcome.Done(List.of(response), Outcome.After.BAD_COMMAND);
    }

    private static Outcome bad(String tag, String text) {
        return new Outcome.Done(List.of(Responses.bad(tag, text)), Outcome.After.BAD_COMMAND);
    }

    private static String wrongState(java.util.Set<ImapState> validIn) {
        if (validIn.contains(ImapState.NOT_AUTHENTICATED)) {
            return "Already logged in";
        }
        return validIn.contains(ImapState.AUTHENTICATED) ? "Log in first" : "No mailbox selected";
    }
}
