package org.posthorn.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Every {@code posthorn.*} setting, with its type, default and meaning. Nothing else in Posthorn
 * reads a {@code posthorn.*} property directly.
 */
public final class Settings {

    private Settings() {
    }

    // --- identity and storage

    public static final Setting<String> HOSTNAME = text("posthorn.hostname", "localhost",
            "The server's own host name: greeting banners, Received: headers, generated Message-IDs.");
    public static final Setting<String> DATA_DIR = text("posthorn.data.dir", null,
            "Where the database and everything else that must persist live (default: posthorn in WildFly's data directory; the launcher sets <checkout>/data).");
    public static final Setting<String> BIND_ADDRESS = text("posthorn.bind.address", "0.0.0.0",
            "The address every mail listener binds to.");

    // --- listeners

    public static final Setting<Integer> SMTP_PORT = port("posthorn.smtp.port", 2525,
            "SMTP (MX) port; production sets 25.");
    public static final Setting<Integer> POP3_PORT = port("posthorn.pop3.port", 2110,
            "POP3 port; production sets 110.");
    public static final Setting<Integer> POP3S_PORT = port("posthorn.pop3s.port", 2995,
            "POP3 over implicit TLS (RFC 8314); production sets 995.");
    public static final Setting<Integer> SUBMISSION_PORT = port("posthorn.submission.port", 2587,
            "Message submission port (RFC 6409, STARTTLS, AUTH required); production sets 587.");
    public static final Setting<Integer> SMTPS_PORT = port("posthorn.smtps.port", 2465,
            "Message submission over implicit TLS (RFC 8314); production sets 465.");
    public static final Setting<Integer> IMAP_PORT = port("posthorn.imap.port", 2143,
            "IMAP port; production sets 143.");
    public static final Setting<Integer> IMAPS_PORT = port("posthorn.imaps.port", 2993,
            "IMAP over implicit TLS (RFC 8314); production sets 993.");
    public static final Setting<Integer> HTTPS_PORT = port("jboss.https.port", 8443,
            "HTTPS for the web UI and API, with the mail ports' certificate (WildFly's own name for it: redirects to HTTPS use it too); production sets 443.");
    public static final Setting<String> WEB_BIND_ADDRESS = text("jboss.bind.address", "127.0.0.1",
            "The address the web UI and API (HTTP and HTTPS) listen on: WildFly's public interface.");
    public static final Setting<Integer> HTTPS_BACKEND_PORT = port("posthorn.https.backend-port", 8444,
            "Loopback-only port on which WildFly's web server takes the HTTPS listener's decrypted connections (ADR 0009).");
    public static final Setting<Integer> MAX_CONNECTIONS = positiveInt("posthorn.connections.max", 1000,
            "Open connections per listener; above it new clients are told to come back later and closed.");
    public static final Setting<Integer> MAX_CONNECTIONS_PER_ADDRESS = positiveInt("posthorn.connections.max-per-address", 50,
            "Open connections per listener from one client address; above it that client is told to come back later.");
    public static final Setting<Integer> COMMANDS_PER_MINUTE = positiveInt("posthorn.commands.per-minute", 1200,
            "Commands one connection may have processed per minute, on every protocol, after a burst of "
            + "posthorn.commands.burst; a faster client is not refused but made to wait (its next command is read later). "
            + "20 a second: more than a client that waits for its answers sends, so floods and scripts meet it.");
    public static final Setting<Integer> COMMANDS_BURST = positiveInt("posthorn.commands.burst", 300,
            "Commands one connection may send at once before posthorn.commands.per-minute slows it down.");
    public static final Setting<Integer> MAX_COMMANDS_PER_SESSION = positiveInt("posthorn.commands.max-per-session", 100_000,
            "Commands in one connection, on every protocol; the next one is answered 421 4.7.0, BYE or -ERR and the "
            + "connection closed, so the client reconnects.");
    public static final Setting<Integer> MAX_CONCURRENT_CALLS = positiveInt("posthorn.work.max-concurrent", 40,
            "Calls into the post office running at once, on WorkManager threads; more wait in order.");

    // --- SMTP limits (RFC 5321 §4.5.3)

    public static final Setting<Long> MAX_MESSAGE_SIZE = size("posthorn.message.max-size", 25L * 1024 * 1024,
            "Largest message accepted, in octets (suffixes k, m, g); advertised with SIZE.");
    public static final Setting<Long> MAX_HEADER_SIZE = size("posthorn.message.max-header-size", 256L * 1024,
            "Largest header section of a message (RFC 5322 §2.1: everything before the first empty line), in octets, "
            + "over SMTP, submission and IMAP APPEND; a larger one is refused (552 5.3.4, NO [LIMIT]) and not stored. "
            + "Exchange Online refuses above 256 KiB the same way; Postfix keeps at most 100 KiB.");
    public static final Setting<Integer> SMTP_MAX_RECIPIENTS = positiveInt("posthorn.smtp.max-recipients", 100,
            "Recipients per message; more are answered 452 4.5.3.");
    public static final Setting<Integer> SMTP_MAX_ERRORS = positiveInt("posthorn.smtp.max-errors", 10,
            "Bad commands per connection before it is closed with 421.");
    public static final Setting<Duration> SMTP_IDLE_TIMEOUT = duration("posthorn.smtp.idle-timeout", Duration.ofMinutes(5),
            "Silence after which an SMTP connection is closed with 421 4.4.2.");
    public static final Setting<Duration> SMTP_MAX_SESSION = sessionLimit("posthorn.smtp.max-session-duration", Duration.ofHours(1),
            "Longest an SMTP, submission or SMTPS connection may last, however active (a client trickling octets "
            + "never goes idle); then it is closed with 421 4.4.2 between commands. Long enough for a maximum-size "
            + "message at 64 kbit/s. 0s: no limit.");

    public static final Setting<String> SPOOL_DIR = text("posthorn.spool.dir", null,
            "Where messages above posthorn.spool.memory-limit are kept while they are received "
            + "(default: posthorn-spool in WildFly's temp directory, else in java.io.tmpdir).");
    public static final Setting<Long> SPOOL_MEMORY_LIMIT = size("posthorn.spool.memory-limit", 1024L * 1024,
            "Octets of an incoming message kept in memory; a larger message moves to a spool file.");

    // --- TLS (RFC 3207, RFC 2595, RFC 8314)

    public static final Setting<String> TLS_KEYSTORE = text("posthorn.tls.keystore", null,
            "PKCS#12 file with the server's private key and certificate chain; re-read when it changes. "
            + "If unset, a self-signed certificate for posthorn.hostname is made once and kept in the data directory.");
    public static final Setting<String> TLS_KEYSTORE_PASSWORD = text("posthorn.tls.keystore-password", null,
            "Password of posthorn.tls.keystore (the store's and the key's).");
    public static final Setting<String> AUTH_PLAINTEXT = choice("posthorn.auth.plaintext", "loopback",
            List.of("never", "loopback", "always"),
            "Whether passwords may be sent over a connection without TLS: never, from loopback clients only, or always.");

    // --- POP3 (RFC 1939)

    public static final Setting<Duration> POP3_IDLE_TIMEOUT = duration("posthorn.pop3.idle-timeout", Duration.ofMinutes(10),
            "Silence after which a POP3 connection is closed (RFC 1939 asks for at least 10 minutes).");
    public static final Setting<Duration> AUTH_FAILURE_DELAY = duration("posthorn.auth.failure-delay", Duration.ofSeconds(2),
            "How long a failed login waits before it is answered; doubled for each further recent failure from the client's address.");
    public static final Setting<Integer> AUTH_MAX_FAILURES = positiveInt("posthorn.auth.max-failures", 10,
            "Failed logins within posthorn.auth.failure-window from one client address, or for one login name from any "
            + "addresses, after which that address or name is refused (answered like a wrong password) for one window.");
    public static final Setting<Duration> AUTH_FAILURE_WINDOW = duration("posthorn.auth.failure-window", Duration.ofMinutes(10),
            "How far back failed logins count towards posthorn.auth.max-failures, and how long a throttle lasts.");
    public static final Setting<Duration> AUTH_MAX_FAILURE_DELAY = duration("posthorn.auth.max-failure-delay", Duration.ofSeconds(15),
            "The longest a failed login waits before it is answered, however many failures came before it.");
    public static final Setting<Integer> POP3_MAX_ERRORS = positiveInt("posthorn.pop3.max-errors", 10,
            "Bad commands per POP3 connection before it is closed.");
    public static final Setting<Duration> POP3_MAX_SESSION = sessionLimit("posthorn.pop3.max-session-duration", Duration.ofHours(1),
            "Longest a POP3 connection may last, however active; then it is closed between commands without a "
            + "response and without UPDATE (RFC 1939 §3 autologout). 0s: no limit.");

    // --- IMAP (RFC 3501, RFC 9051)

    public static final Setting<Duration> IMAP_IDLE_TIMEOUT = duration("posthorn.imap.idle-timeout", Duration.ofMinutes(30),
            "Silence after which an IMAP connection is closed with BYE (RFC 3501 §5.4 asks for at least 30 minutes; IDLE included).");
    public static final Setting<Long> IMAP_MAX_LITERAL = new Setting<>("posthorn.imap.max-literal", null, ValueParsers::size,
            "Largest literal a logged-in client may announce (APPEND's message); default: posthorn.message.max-size. "
            + "Larger ones are refused before any octet of them is read.");
    public static final Setting<Integer> IMAP_MAX_LINE = positiveInt("posthorn.imap.max-line", 8 * 1024,
            "Longest IMAP command line of a logged-in client, in octets, between its literals (RFC 7162 §4 asks for 8192 at least); "
            + "longer ones get BAD. Before login the limit is the default, whatever this says.");
    public static final Setting<Integer> IMAP_MAX_NESTING = positiveInt("posthorn.imap.max-nesting", 64,
            "How deeply an IMAP SEARCH may nest its keys (parentheses, NOT, OR); deeper ones get BAD.");
    public static final Setting<Integer> IMAP_MAX_SEARCH_KEYS = positiveInt("posthorn.imap.max-search-keys", 1000,
            "Most keys in one IMAP SEARCH, nested ones included; more get BAD.");
    public static final Setting<Integer> IMAP_MAX_ERRORS = positiveInt("posthorn.imap.max-errors", 20,
            "Bad commands per IMAP connection before it is closed with BYE.");
    public static final Setting<Duration> IMAP_MAX_SESSION = sessionLimit("posthorn.imap.max-session-duration", Duration.ofHours(24),
            "Longest an IMAP connection may last, however active; then it gets BYE between commands (IDLE included) "
            + "and is closed. Generous because clients rightly keep one IDLE connection open all day; they "
            + "reconnect after a BYE as after any network change. 0s: no limit.");

    // --- submission and relay (RFC 6409, RFC 5321 §5)

    public static final Setting<String> SUBMISSION_CLIENT_ADDRESS = choice("posthorn.submission.received-client-address", "hide",
            List.of("hide", "show"),
            "Whether the Received: header added to submitted mail names the client's IP address (show) or not (hide).");
    public static final Setting<Integer> RELAY_PORT = port("posthorn.relay.port", 25,
            "The port dialled on a remote mail exchanger.");
    public static final Setting<String> RELAY_SMARTHOST = text("posthorn.relay.smarthost", null,
            "host:port to hand all remote mail to instead of the recipients' MX hosts; unset: deliver directly.");
    public static final Setting<String> RELAY_SMARTHOST_USER = text("posthorn.relay.smarthost.user", null,
            "Login for AUTH at the smarthost, if it needs one. It is sent only over STARTTLS to a certificate the JVM "
            + "trusts for the smarthost's name (unless posthorn.relay.tls=none, for tests).");
    public static final Setting<String> RELAY_SMARTHOST_PASSWORD = text("posthorn.relay.smarthost.password", null,
            "Password for AUTH at the smarthost.");
    public static final Setting<String> RELAY_TLS = choice("posthorn.relay.tls", "opportunistic",
            List.of("opportunistic", "required", "none"),
            "STARTTLS toward remote servers: when offered (opportunistic), always (required: no TLS, no delivery), or never "
            + "(none; for tests). Encryption without authentication (RFC 7435): certificates of MX hosts are not checked.");
    public static final Setting<Duration> RELAY_TIMEOUT = duration("posthorn.relay.timeout", Duration.ofMinutes(5),
            "How long the relay waits to connect to a remote server and for each of its replies (RFC 5321 §4.5.3.2).");
    public static final Setting<List<Duration>> QUEUE_RETRY = new Setting<>("posthorn.queue.retry",
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4)),
            ValueParsers::durations,
            "Waits between delivery attempts of a queued message, as 1m,5m,15m,1h,4h; the last one repeats until posthorn.queue.max-age.");
    public static final Setting<Duration> QUEUE_MAX_AGE = duration("posthorn.queue.max-age", Duration.ofDays(5),
            "How long a message stays queued before it is bounced to its sender as undeliverable.");
    public static final Setting<Duration> QUEUE_DELAY_WARNING = duration("posthorn.queue.delay-warning", Duration.ofHours(4),
            "After how long in the queue the sender gets one 'delayed' notice (RFC 3464 action delayed).");

    // --- administration

    public static final Setting<String> ADMIN_PASSWORD = text("posthorn.admin.password", null,
            "First password of the 'admin' account; if unset one is generated and printed once in the log.");

    // --- DNS (admin console checks, the relay's MX lookups)

    public static final Setting<String> DNS_SERVERS = text("posthorn.dns.servers", null,
            "DNS servers the console's checks and the relay ask, as host:port,... (port 53 if left out, [v6]:port for IPv6); default: the system's resolver.");
    public static final Setting<Duration> DNS_TIMEOUT = duration("posthorn.dns.timeout", Duration.ofSeconds(5),
            "How long one DNS query may take before it counts as failed.");

    /** WildFly's port offset: the adapter's listeners are not socket bindings and add it themselves. */
    public static final Setting<Integer> PORT_OFFSET = new Setting<>("jboss.socket.binding.port-offset", 0,
            Integer::parseInt, "WildFly's socket binding port offset, added to every Posthorn port.");

    /** Every setting, for documentation and start-up logging. */
    public static List<Setting<?>> all() {
        return List.of(HOSTNAME, DATA_DIR, BIND_ADDRESS, SMTP_PORT, SUBMISSION_PORT, SMTPS_PORT, POP3_PORT, POP3S_PORT,
                IMAP_PORT, IMAPS_PORT, HTTPS_PORT, WEB_BIND_ADDRESS, HTTPS_BACKEND_PORT, MAX_CONNECTIONS, MAX_CONNECTIONS_PER_ADDRESS,
                COMMANDS_PER_MINUTE, COMMANDS_BURST, MAX_COMMANDS_PER_SESSION,
                MAX_CONCURRENT_CALLS, MAX_MESSAGE_SIZE, MAX_HEADER_SIZE, SMTP_MAX_RECIPIENTS, SMTP_MAX_ERRORS, SMTP_IDLE_TIMEOUT,
                SMTP_MAX_SESSION, SPOOL_DIR,
                SPOOL_MEMORY_LIMIT, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, AUTH_PLAINTEXT, POP3_IDLE_TIMEOUT,
                AUTH_FAILURE_DELAY, AUTH_MAX_FAILURES, AUTH_FAILURE_WINDOW, AUTH_MAX_FAILURE_DELAY, POP3_MAX_ERRORS,
                POP3_MAX_SESSION, IMAP_IDLE_TIMEOUT, IMAP_MAX_LITERAL, IMAP_MAX_LINE, IMAP_MAX_NESTING,
                IMAP_MAX_SEARCH_KEYS, IMAP_MAX_ERRORS, IMAP_MAX_SESSION,
                SUBMISSION_CLIENT_ADDRESS, RELAY_PORT,
                RELAY_SMARTHOST, RELAY_SMARTHOST_USER, RELAY_SMARTHOST_PASSWORD, RELAY_TLS, RELAY_TIMEOUT, QUEUE_RETRY,
                QUEUE_MAX_AGE, QUEUE_DELAY_WARNING, ADMIN_PASSWORD, DNS_SERVERS, DNS_TIMEOUT,
                PORT_OFFSET);
    }

    /** The port a listener really binds: the configured one plus WildFly's port offset. */
    public static int listenPort(Setting<Integer> port) {
        return port.get() + PORT_OFFSET.get();
    }

    /** The largest literal a logged-in IMAP client may announce: {@link #IMAP_MAX_LITERAL}, else {@link #MAX_MESSAGE_SIZE}. */
    public static long imapMaxLiteral() {
        Long configured = IMAP_MAX_LITERAL.get();
        return configured != null ? configured : MAX_MESSAGE_SIZE.get();
    }

    /** The directory of {@link #SPOOL_DIR}, with its default resolved. */
    public static Path spoolDirectory() {
        String configured = SPOOL_DIR.get();
        if (configured != null) {
            return Path.of(configured);
        }
        String temp = System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir"));
        return Path.of(temp, "posthorn-spool");
    }

    /**
     * The directory of {@link #DATA_DIR}, with its default resolved: {@code posthorn} in WildFly's data
     * directory, else in the working directory.
     */
    public static Path dataDirectory() {
        String configured = DATA_DIR.get();
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("user.dir")), "posthorn");
    }

    private static Setting<String> text(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, Function.identity(), description);
    }

    /** Text that must be one of {@code choices} (compared ignoring case; the value is the lower-case choice). */
    private static Setting<String> choice(String name, String defaultValue, List<String> choices, String description) {
        return new Setting<>(name, defaultValue, text -> {
            String value = text.toLowerCase(java.util.Locale.ROOT);
            if (!choices.contains(value)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", choices));
            }
            return value;
        }, description);
    }

    private static Setting<Integer> port(String name, int defaultValue, String description) {
        return new Setting<>(name, defaultValue, ValueParsers::port, description);
    }

    private static Setting<Integer> positiveInt(String name, int defaultValue, String description) {
        return new Setting<>(name, defaultValue, ValueParsers::positiveInt, description);
    }

    private static Setting<Long> size(String name, long defaultValue, String description) {
        return new Setting<>(name, defaultValue, ValueParsers::size, description);
    }

    private static Setting<Duration> duration(String name, Duration defaultValue, String description) {
        return new Setting<>(name, defaultValue, ValueParsers::duration, description);
    }

    /** A {@link #duration} that may be zero (no limit) but not negative. */
    private static Setting<Duration> sessionLimit(String name, Duration defaultValue, String description) {
        return new Setting<>(name, defaultValue, text -> {
            Duration value = ValueParsers.duration(text);
            if (value.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return value;
        }, description);
    }
}
