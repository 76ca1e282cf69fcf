package org.posthorn.connector.smtp.command;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.posthorn.connector.smtp.SmtpConfig;
import org.posthorn.connector.smtp.decode.SaslLine;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.smtp.SmtpEnvelope;

/**
 * The state of one SMTP connection: what the client said in EHLO/HELO, the mail transaction, the
 * count of bad commands. Changed only by command handlers, only on the connection's event loop; a
 * handler's code that runs after a post-office call does so once the call's result has been handed
 * back to the event loop.
 */
public final class SmtpSession {

    private final SmtpConfig config;
    private ClientConnection client;
    private final String sessionId;
    private final Clock clock;

    private SessionState state = SessionState.CONNECTED;
    private String heloName;
    private boolean extended;
    private Transaction transaction;
    private int badCommands;
    /** What to do with the client's next line, while a SASL exchange waits for it. */
    private Function<SaslLine, Outcome> saslContinuation;

    public SmtpSession(SmtpConfig config, ClientConnection client, String sessionId, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = Objects.requireNonNull(client, "client");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SmtpConfig config() {
        return config;
    }

    public String sessionId() {
        return sessionId;
    }

    public SessionState state() {
        return state;
    }

    /** Whether the connection is protected by TLS (after STARTTLS, RFC 3207). */
    public boolean isSecure() {
        return client.secure();
    }

    /** The connection as the post office sees it. */
    public ClientConnection client() {
        return client;
    }

    /** Whether the client may send credentials on this connection now (for AUTH, RFC 4954 §4). */
    public boolean authAllowed() {
        return config.plaintextAuth().authAllowed(client);
    }

    /** Whether the client has authenticated with AUTH (RFC 4954) on this connection. */
    public boolean isAuthenticated() {
        return client.authenticatedUser().isPresent();
    }

    /** The name from EHLO/HELO, if the client sent one. */
    public Optional<String> heloName() {
        return Optional.ofNullable(heloName);
    }

    /** The current mail transaction, from {@code MAIL FROM} until the end of {@code DATA} or a reset. */
    Optional<Transaction> transaction() {
        return Optional.ofNullable(transaction);
    }

    /**
     * The {@code with} of the Received header, RFC 3848: SMTP after HELO, ESMTP after EHLO, then
     * {@code S} for TLS and {@code A} for AUTH: ESMTPS, ESMTPA, ESMTPSA.
     */
    String protocol() {
        if (!extended) {
            return "SMTP";
        }
        return "ESMTP" + (client.secure() ? "S" : "") + (isAuthenticated() ? "A" : "");
    }

    /**
     * AUTH succeeded (RFC 4954 §4): the connection now belongs to {@code account}, which travels to the
     * post office in {@link ClientConnection#authenticatedUser()} of every later envelope.
     */
    void authenticate(String account) {
        client = new ClientConnection(client.service(), client.remoteAddress(), client.secure(),
                Optional.of(Objects.requireNonNull(account, "account")));
    }

    /** A {@code 334} challenge went out: the client's next line goes to {@code continuation}. */
    void expectSaslLine(Function<SaslLine, Outcome> continuation) {
        saslContinuation = Objects.requireNonNull(continuation, "continuation");
    }

    /** The continuation of the SASL exchange that waits for {@code line}; there is one only once. */
    Function<SaslLine, Outcome> takeSaslContinuation() {
        Function<SaslLine, Outcome> continuation = saslContinuation;
        saslContinuation = null;
        if (continuation == null) {
            throw new IllegalStateException("a SASL line without an exchange");
        }
        return continuation;
    }

    /**
     * The TLS session has been set up in place of the clear-text one: RFC 3207 §4.2, the server
     * discards all knowledge obtained from the client (its EHLO name, any transaction, any
     * authentication), so the session is as it was right after the greeting, now secure. Bad commands
     * stay counted: they are the server's knowledge, and the limit must not be reset by a handshake.
     */
    void startTls() {
        client = new ClientConnection(client.service(), client.remoteAddress(), true, Optional.empty());
        heloName = null;
        extended = false;
        transaction = null;
        state = SessionState.CONNECTED;
    }

    /** EHLO/HELO: a new greeting, which also ends any transaction (RFC 5321 §4.1.4). */
    void hello(String name, boolean extended) {
        this.heloName = name;
        this.extended = extended;
        this.transaction = null;
        this.state = SessionState.GREETED;
    }

    /** The transaction {@code MAIL FROM} would start, to be checked before it does. */
    Transaction newTransaction(Optional<MailAddress> sender, boolean smtputf8) {
        var envelope = new SmtpEnvelope(client, heloName, protocol(), sender, List.of(), sessionId, clock.instant());
        return new Transaction(envelope, smtputf8);
    }

    /** {@code MAIL FROM} was accepted: {@code started} is the transaction now. */
    void startTransaction(Transaction started) {
        transaction = Objects.requireNonNull(started, "started");
        state = SessionState.MAIL;
    }

    void addRecipient(MailAddress recipient) {
        transaction = new Transaction(transaction.envelope().withRecipient(recipient), transaction.smtputf8());
        state = SessionState.RCPT;
    }

    void beginData() {
        state = SessionState.DATA;
    }

    /** Ends the transaction (end of DATA) and returns it; the greeting stays. */
    Transaction endTransaction() {
        Transaction ended = Objects.requireNonNull(transaction, "no transaction");
        reset();
        return ended;
    }

    /** RSET: forgets the transaction, keeps the greeting (RFC 5321 §4.1.1.5). */
    void reset() {
        transaction = null;
        state = heloName == null ? SessionState.CONNECTED : SessionState.GREETED;
    }

    /** Counts one more bad command and returns the total. */
    int countBadCommand() {
        return ++badCommands;
    }
}
