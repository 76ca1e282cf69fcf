package org.posthorn.ejb.dns;

/**
 * One SRV record as found in DNS (RFC 2782).
 *
 * @param priority lower is tried first
 * @param weight   share among targets of the same priority
 * @param port     the port of the service on the target
 * @param host     the target's name, absolute, as the answer gave it; {@code "."} says the service is
 *                 decidedly not offered (RFC 2782)
 */
public record SrvTarget(int priority, int weight, int port, String host) {

    /** Whether this record says the service is not offered at all. */
    public boolean notOffered() {
        return host.equals(".");
    }

    @Override
    public String toString() {
        return priority + " " + weight + " " + port + " " + host;
    }
}
