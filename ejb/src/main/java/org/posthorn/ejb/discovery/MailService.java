package org.posthorn.ejb.discovery;

import java.util.EnumMap;
import java.util.Map;
import org.posthorn.settings.Setting;
import org.posthorn.settings.Settings;

/**
 * A service mail clients connect to, as they find it by DNS (RFC 6186 SRV records, and
 * {@code _submissions} for submission over implicit TLS from RFC 8314) or by autoconfiguration: its
 * SRV name, its standard port and the port it is published on ({@link #publicPort()}).
 *
 * <p>The order is the order of preference: implicit TLS before STARTTLS (RFC 8314 recommends it),
 * IMAP before POP3 (the mail stays on the server, in folders every client sees).
 */
public enum MailService {
    IMAPS("imap", true, "_imaps._tcp", 993, 0, Settings.IMAPS_PORT),
    IMAP("imap", false, "_imap._tcp", 143, 10, Settings.IMAP_PORT),
    POP3S("pop3", true, "_pop3s._tcp", 995, 20, Settings.POP3S_PORT),
    POP3("pop3", false, "_pop3._tcp", 110, 30, Settings.POP3_PORT),
    SUBMISSIONS("smtp", true, "_submissions._tcp", 465, 0, Settings.SMTPS_PORT),
    SUBMISSION("smtp", false, "_submission._tcp", 587, 10, Settings.SUBMISSION_PORT);

    /** Ports below this need root to bind (the "privileged" ports). */
    static final int FIRST_UNPRIVILEGED_PORT = 1024;

    private final String protocol;
    private final boolean implicitTls;
    private final String srvLabel;
    private final int standardPort;
    private final int srvPriority;
    private final Setting<Integer> listener;

    MailService(String protocol, boolean implicitTls, String srvLabel, int standardPort, int srvPriority,
            Setting<Integer> listener) {
        this.protocol = protocol;
        this.implicitTls = implicitTls;
        this.srvLabel = srvLabel;
        this.standardPort = standardPort;
        this.srvPriority = srvPriority;
        this.listener = listener;
    }

    /** {@code imap}, {@code pop3} or {@code smtp}: the protocol spoken once connected (and TLS is up). */
    public String protocol() {
        return protocol;
    }

    /** TLS from the first byte (RFC 8314), else a plain start upgraded with STARTTLS. */
    public boolean implicitTls() {
        return implicitTls;
    }

    /** The SRV owner name's service and protocol labels, to be put in front of the domain. */
    public String srvLabel() {
        return srvLabel;
    }

    /** The IANA port of the service. */
    public int standardPort() {
        return standardPort;
    }

    /** The SRV priority written: lower is tried first (RFC 2782), in the order of this enum within a protocol family. */
    public int srvPriority() {
        return srvPriority;
    }

    /** Whether the service hands mail out (IMAP, POP3) rather than taking it in (submission). */
    public boolean incoming() {
        return !protocol.equals("smtp");
    }

    /** The port clients must be told: {@link #publicPort(int, int)} of the configured listener port. */
    public int publicPort() {
        return publicPort(listener.get(), standardPort);
    }

    /** {@link #publicPort()} of every service. */
    public static Map<MailService, Integer> publicPorts() {
        Map<MailService, Integer> ports = new EnumMap<>(MailService.class);
        for (MailService service : values()) {
            ports.put(service, service.publicPort());
        }
        return ports;
    }

    /**
     * The rule for the port published to clients. A configured port below 1024 is bound as it is
     * (the server runs with the right to bind it), so clients reach the service there. An unprivileged
     * configured port (the defaults 2143, 2993, 2110, 2995, 2587, 2465, or any other) is taken to sit
     * behind a port mapping from the standard port (a firewall redirect, container port mapping or
     * load balancer), which is how Posthorn runs in production without root; clients are told the
     * standard port. WildFly's port offset never counts: it only separates servers on a test machine.
     */
    public static int publicPort(int configured, int standard) {
        return configured < FIRST_UNPRIVILEGED_PORT ? configured : standard;
    }
}
