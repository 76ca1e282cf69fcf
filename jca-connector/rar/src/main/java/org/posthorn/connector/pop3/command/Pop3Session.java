package org.posthorn.connector.pop3.command;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.posthorn.connector.pop3.decode.InputLine;
import org.posthorn.spi.ClientConnection;

/**
 * The state of one POP3 connection (RFC 1939 §3). Used only on the connection's event loop; not
 * thread-safe. Holds no I/O: commands change it, the connection handler carries out their outcomes.
 */
public final class Pop3Session {

    private final ClientConnection client;
    private Pop3State state = Pop3State.AUTHORIZATION;
    private String userName;
    private MaildropLocks.Lock lock;
    private Maildrop maildrop;
    private Function<InputLine.Text, Outcome> continuation;
    private int badCommands;

    public Pop3Session(ClientConnection client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public ClientConnection client() {
        return client;
    }

    public Pop3State state() {
        return state;
    }

    /** Remembers the name given with USER (RFC 1939 §7) for the PASS that should follow. */
    public void userName(String name) {
        userName = Objects.requireNonNull(name);
    }

    /** The name given with USER, forgotten by this call: a PASS uses it up, right or wrong. */
    public Optional<String> takeUserName() {
        Optional<String> name = Optional.ofNullable(userName);
        userName = null;
        return name;
    }

    /** Keeps the lock on the maildrop until {@link #releaseLock()}. */
    public void holdLock(MaildropLocks.Lock lock) {
        if (this.lock != null) {
            throw new IllegalStateException("session already holds a maildrop lock");
        }
        this.lock = Objects.requireNonNull(lock);
    }

    /** Releases the maildrop lock, if any; called however the session ends. */
    public void releaseLock() {
        if (lock != null) {
            lock.release();
            lock = null;
        }
    }

    /** AUTHORIZATION → TRANSACTION with the locked maildrop's snapshot (RFC 1939 §4). */
    public void enterTransaction(Maildrop snapshot) {
        if (state != Pop3State.AUTHORIZATION || lock == null) {
            throw new IllegalStateException("TRANSACTION needs AUTHORIZATION and a locked maildrop");
        }
        maildrop = Objects.requireNonNull(snapshot);
        state = Pop3State.TRANSACTION;
    }

    /** TRANSACTION → UPDATE (RFC 1939 §6), once the client said QUIT. */
    public void enterUpdate() {
        if (state != Pop3State.TRANSACTION) {
            throw new IllegalStateException("UPDATE needs TRANSACTION");
        }
        state = Pop3State.UPDATE;
    }

    /** The account whose maildrop this session holds. */
    public String account() {
        if (lock == null || maildrop == null) {
            throw new IllegalStateException("no maildrop open");
        }
        return lock.account();
    }

    /** The numbered snapshot, in TRANSACTION and UPDATE. */
    public Maildrop maildrop() {
        if (maildrop == null) {
            throw new IllegalStateException("no maildrop open");
        }
        return maildrop;
    }

    /** The next line from the client is a SASL response (RFC 5034 §4) for {@code handler}, not a command. */
    public void expectContinuation(Function<InputLine.Text, Outcome> handler) {
        continuation = Objects.requireNonNull(handler);
    }

    /** The pending SASL exchange, if any, which this call ends. */
    public Optional<Function<InputLine.Text, Outcome>> takeContinuation() {
        Optional<Function<InputLine.Text, Outcome>> pending = Optional.ofNullable(continuation);
        continuation = null;
        return pending;
    }

    /** Counts one more bad command and returns how many there were. */
    public int countBadCommand() {
        return ++badCommands;
    }
}
