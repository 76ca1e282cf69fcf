package org.posthorn.connector.imap.command;

import static org.posthorn.connector.imap.command.CommandSpec.Updates.ALWAYS;
import static org.posthorn.connector.imap.command.CommandSpec.Updates.ANNOUNCED;
import static org.posthorn.connector.imap.command.CommandSpec.Updates.NONE;
import static org.posthorn.connector.imap.command.CommandSpec.Updates.NO_EXPUNGE;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.Fetch;
import org.posthorn.connector.imap.decode.ImapCommand;
import org.posthorn.connector.imap.decode.ListMailboxes;
import org.posthorn.connector.imap.decode.Search;
import org.posthorn.connector.imap.decode.Store;

/**
 * Every IMAP command with the states it is valid in (RFC 3501 §6), whether it carries credentials,
 * and which news may precede its completion: the one place that says so, enforced once by
 * {@link ImapDispatcher}.
 */
final class CommandTable {

    private static final Set<ImapState> ANY = EnumSet.of(ImapState.NOT_AUTHENTICATED, ImapState.AUTHENTICATED,
            ImapState.SELECTED);
    private static final Set<ImapState> NOT_AUTHENTICATED = EnumSet.of(ImapState.NOT_AUTHENTICATED);
    private static final Set<ImapState> AUTHENTICATED = EnumSet.of(ImapState.AUTHENTICATED, ImapState.SELECTED);
    private static final Set<ImapState> SELECTED = EnumSet.of(ImapState.SELECTED);

    private final Map<Class<?>, CommandSpec<?>> specs = new HashMap<>();
    private final Capabilities capabilities;
    private final LoginHandlers login;

    CommandTable(PostOffice postOffice, LoginThrottle throttle, ScramServers scram, ImapConfig config,
                 boolean startTlsOffered) {
        this.capabilities = new Capabilities(config.plaintextAuth(), startTlsOffered);
        var basic = new BasicHandlers(capabilities);
        this.login = new LoginHandlers(postOffice, throttle, config.authFailureDelay(), capabilities, scram);
        var mailboxes = new MailboxHandlers(postOffice);
        var lists = new ListHandlers(postOffice);
        var select = new SelectHandlers(postOffice);
        var fetch = new FetchHandler(postOffice);
        var store = new StoreHandler(postOffice);
        var search = new SearchHandler(postOffice);
        var expunge = new ExpungeHandler(postOffice);
        var transfer = new CopyMoveHandler(postOffice);
        var append = new AppendHandler(postOffice, config.maxHeaderSize());

        add(ImapCommand.Capability.class, ANY, false, ANNOUNCED, basic::capability);
        add(ImapCommand.Noop.class, ANY, false, ALWAYS, basic::noop);
        add(ImapCommand.Logout.class, ANY, false, NONE, basic::logout);
        add(ImapCommand.Id.class, ANY, false, ANNOUNCED, basic::id);
        add(ImapCommand.StartTls.class, NOT_AUTHENTICATED, false, NONE, login::startTls);
        add(ImapCommand.Login.class, NOT_AUTHENTICATED, true, NONE, login::login);
        add(ImapCommand.Authenticate.class, NOT_AUTHENTICATED, true, NONE, login::authenticate);
        add(ImapCommand.Enable.class, AUTHENTICATED, false, ANNOUNCED, basic::enable);
        add(ImapCommand.Namespace.class, AUTHENTICATED, false, ANNOUNCED, basic::namespace);
        add(ImapCommand.Select.class, AUTHENTICATED, false, NONE, select::select);
        add(ImapCommand.Create.class, AUTHENTICATED, false, ANNOUNCED, mailboxes::create);
        add(ImapCommand.Delete.class, AUTHENTICATED, false, ANNOUNCED, mailboxes::delete);
        add(ImapCommand.Rename.class, AUTHENTICATED, false, ANNOUNCED, mailboxes::rename);
        add(ImapCommand.Subscribe.class, AUTHENTICATED, false, ANNOUNCED, mailboxes::subscribe);
        add(ImapCommand.Unsubscribe.class, AUTHENTICATED, false, ANNOUNCED, mailboxes::unsubscribe);
        add(ListMailboxes.class, AUTHENTICATED, false, ANNOUNCED, lists::list);
        add(ImapCommand.Lsub.class, AUTHENTICATED, false, ANNOUNCED, lists::lsub);
        add(ImapCommand.Status.class, AUTHENTICATED, false, ANNOUNCED, lists::status);
        add(ImapCommand.Append.class, AUTHENTICATED, false, ANNOUNCED, append::append);
        add(ImapCommand.Idle.class, AUTHENTICATED, false, NONE, IdleHandler::idle);
        add(ImapCommand.Check.class, SELECTED, false, ALWAYS, basic::noop);
        add(ImapCommand.Close.class, SELECTED, false, NONE, select::close);
        add(ImapCommand.Unselect.class, SELECTED, false, NONE, select::unselect);
        add(ImapCommand.Expunge.class, SELECTED, false, ANNOUNCED, expunge::expunge);
        add(ImapCommand.Copy.class, SELECTED, false, ANNOUNCED, transfer::copy);
        add(ImapCommand.Move.class, SELECTED, false, ANNOUNCED, transfer::move);
        add(Search.class, SELECTED, false, NO_EXPUNGE, search::search);
        add(Fetch.class, SELECTED, false, NO_EXPUNGE, fetch::fetch);
        add(Store.class, SELECTED, false, NO_EXPUNGE, store::store);
    }

    private <C extends ImapCommand> void add(Class<C> type, Set<ImapState> states, boolean credentials,
                                             CommandSpec.Updates updates, CommandHandler<C> handler) {
        specs.put(type, new CommandSpec<>(type, states, credentials, updates, handler));
    }

    Optional<CommandSpec<?>> lookup(ImapCommand command) {
        return Optional.ofNullable(specs.get(command.getClass()));
    }

    Capabilities capabilities() {
        return capabilities;
    }

    LoginHandlers login() {
        return login;
    }
}
