package org.posthorn.connector.imap.command;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.posthorn.spi.ClientConnection;

/**
 * What one IMAP connection remembers between commands: who the client is, its state (RFC 3501 §3),
 * the account it logged in as, the selected mailbox and the extensions it enabled. Touched only on
 * the connection's event loop.
 */
public final class ImapSession {

    /** Where a session learns that its selected mailbox changed; the connection handler provides it. */
    public interface Watcher {
        /** Starts watching {@code mailbox} of {@code account} for this session; replaces any earlier watch. */
        void watch(String account, String mailbox, SelectedMailbox selected);

        /** Stops watching. */
        void unwatch();
    }

    private final ClientConnection client;
    private final Watcher watcher;
    private ImapState state = ImapState.NOT_AUTHENTICATED;
    private String account;
    private SelectedMailbox selected;
    private boolean condstore;
    private int badCommands;
    /** The tag of an AUTHENTICATE waiting for the client's response, or null. */
    private String saslTag;
    /** What the AUTHENTICATE under way does with the client's (base64) response, or null. */
    private Function<String, Outcome> saslStep;
    /** The tag of the IDLE under way, or null. */
    private String idleTag;

    public ImapSession(ClientConnection client, Watcher watcher) {
        this.client = Objects.requireNonNull(client, "client");
        this.watcher = Objects.requireNonNull(watcher, "watcher");
    }

    public ClientConnection client() {
        return client;
    }

    public ImapState state() {
        return state;
    }

    /** The account logged in as; only in AUTHENTICATED and SELECTED. */
    public String account() {
        return Objects.requireNonNull(account, "not authenticated");
    }

    public Optional<SelectedMailbox> selected() {
        return Optional.ofNullable(selected);
    }

    /** The selected mailbox; only in SELECTED. */
    public SelectedMailbox mailbox() {
        return Objects.requireNonNull(selected, "no mailbox selected");
    }

    void authenticated(String account) {
        this.account = Objects.requireNonNull(account, "account");
        state = ImapState.AUTHENTICATED;
    }

    void select(SelectedMailbox mailbox) {
        selected = mailbox;
        state = ImapState.SELECTED;
        watcher.watch(account, mailbox.name(), mailbox);
    }

    /** Leaves the SELECTED state (CLOSE, UNSELECT, a failed SELECT, the mailbox vanished). */
    void deselect() {
        watcher.unwatch();
        selected = null;
        if (state == ImapState.SELECTED) {
            state = ImapState.AUTHENTICATED;
        }
    }

    void logout() {
        watcher.unwatch();
        selected = null;
        state = ImapState.LOGOUT;
    }

    /** Ends the session however the connection ended. */
    public void end() {
        watcher.unwatch();
    }

    public boolean condstore() {
        return condstore;
    }

    /** CONDSTORE is on once the client used it (RFC 7162 §3.1: a CONDSTORE-enabling command). */
    void enableCondstore() {
        condstore = true;
    }

    int countBadCommand() {
        return ++badCommands;
    }

    Optional<String> saslTag() {
        return Optional.ofNullable(saslTag);
    }

    /** The AUTHENTICATE {@code tag} waits for the client's response, which goes to {@code step}. */
    void awaitSasl(String tag, Function<String, Outcome> step) {
        saslTag = Objects.requireNonNull(tag, "tag");
        saslStep = Objects.requireNonNull(step, "step");
    }

    Function<String, Outcome> saslStep() {
        return saslStep;
    }

    void saslDone() {
        saslTag = null;
        saslStep = null;
    }

    public Optional<String> idleTag() {
        return Optional.ofNullable(idleTag);
    }

    void idle(String tag) {
        idleTag = tag;
    }

    void idleDone() {
        idleTag = null;
    }
}
