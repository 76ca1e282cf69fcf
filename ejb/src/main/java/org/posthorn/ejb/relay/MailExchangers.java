package org.posthorn.ejb.relay;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.posthorn.ejb.dns.DnsLookup;
import org.posthorn.ejb.dns.DnsLookupException;
import org.posthorn.ejb.dns.MxTarget;

/**
 * Finds the servers that take a domain's mail (RFC 5321 §5.1): its MX records by preference, lowest
 * first, in random order among equal preferences (so that load spreads as the domain intends), each
 * host with all its addresses (A, then AAAA); without MX records the domain itself as the one
 * exchanger (the "implicit MX"); a null MX ({@code MX 0 .}, RFC 7505 §3) is a domain that takes no
 * mail. With a smarthost every domain's route is the smarthost alone.
 *
 * <p>An MX host that has no address is skipped. When DNS cannot be asked (no answer, SERVFAIL), the
 * route is {@link Route.DnsTrouble}: the queue tries again later, as RFC 5321 §5.1 asks for
 * temporary DNS errors. The domain comes from a queued recipient; it is only a DNS name here.
 */
public final class MailExchangers {

    private final DnsLookup dns;
    private final Random random;
    private final int port;
    private final Optional<Smarthost> smarthost;

    /** A fixed next hop for all remote mail ({@code posthorn.relay.smarthost}). */
    public record Smarthost(String host, int port) {

        /** {@code host:port} or {@code host} (port 25); IPv6 as {@code [addr]:port}. */
        public static Smarthost parse(String value) {
            String text = value.trim();
            String host = text;
            int port = 25;
            int colon = text.lastIndexOf(':');
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                host = text.substring(1, close);
                if (close + 1 < text.length()) {
                    port = Integer.parseInt(text.substring(close + 2));
                }
            } else if (colon >= 0 && text.indexOf(':') == colon) {
                host = text.substring(0, colon);
                port = Integer.parseInt(text.substring(colon + 1));
            }
            if (host.isEmpty() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("not host:port: " + value);
            }
            return new Smarthost(host, port);
        }
    }

    /**
     * @param port      the port dialled on every mail exchanger ({@code posthorn.relay.port})
     * @param smarthost where all remote mail goes instead, if set
     */
    public MailExchangers(DnsLookup dns, Random random, int port, Optional<Smarthost> smarthost) {
        this.dns = dns;
        this.random = random;
        this.port = port;
        this.smarthost = smarthost;
    }

    public Route route(String domain) {
        try {
            return smarthost.isPresent() ? smarthostRoute(smarthost.get()) : mxRoute(domain);
        } catch (DnsLookupException e) {
            return new Route.DnsTrouble(e.getMessage());
        }
    }

    private Route mxRoute(String domain) {
        List<MxTarget> records = dns.mx(domain);
        if (records.stream().anyMatch(MailExchangers::isNullMx)) {
            return new Route.Unroutable("5.1.10", "Domain " + domain + " accepts no mail (null MX, RFC 7505)");
        }
        List<Hop> hops = new ArrayList<>();
        if (records.isEmpty()) {
            // RFC 5321 §5.1: no MX records, so the domain is its own mail exchanger at preference 0.
            for (InetAddress address : dns.addresses(domain)) {
                hops.add(new Hop(domain, address, port));
            }
            return hops.isEmpty()
                    ? new Route.Unroutable("5.1.2", "Domain " + domain + " has no mail exchanger and no address")
                    : new Route.Hosts(hops);
        }
        Map<Integer, List<String>> byPreference = new TreeMap<>();
        for (MxTarget record : records) {
            byPreference.computeIfAbsent(record.preference(), p -> new ArrayList<>()).add(record.host());
        }
        for (List<String> equals : byPreference.values()) {
            Collections.shuffle(equals, random);
            for (String host : equals) {
                for (InetAddress address : dns.addresses(host)) {
                    hops.add(new Hop(stripDot(host), address, port));
                }
            }
        }
        return hops.isEmpty()
                ? new Route.Unroutable("5.1.2", "No mail exchanger of " + domain + " has an address")
                : new Route.Hosts(hops);
    }

    private Route smarthostRoute(Smarthost host) {
        Optional<InetAddress> literal = literal(host.host());
        List<InetAddress> addresses = literal.map(List::of).orElseGet(() -> dns.addresses(host.host()));
        if (addresses.isEmpty()) {
            // A misconfigured smarthost is the administrator's to fix; the mail waits meanwhile.
            return new Route.DnsTrouble("smarthost " + host.host() + " has no address");
        }
        return new Route.Hosts(addresses.stream().map(address -> new Hop(host.host(), address, host.port())).toList());
    }

    /** RFC 7505 §3: one MX record, preference 0, target the root. */
    private static boolean isNullMx(MxTarget record) {
        return record.host().equals(".");
    }

    private static String stripDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** An IP address written as such (never a DNS query). */
    private static Optional<InetAddress> literal(String host) {
        boolean v4 = host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = host.contains(":") && host.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // With a literal, getByName parses and never asks DNS.
            return Optional.of(InetAddress.getByName(host));
        } catch (java.net.UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }
}
