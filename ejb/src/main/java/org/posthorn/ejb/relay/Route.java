package org.posthorn.ejb.relay;

import java.util.List;

/** How to reach a domain's mail exchangers, or why not. */
public sealed interface Route {

    /** The servers to try, in order (RFC 5321 §5.1); at least one. */
    record Hosts(List<Hop> hops) implements Route {
        public Hosts {
            hops = List.copyOf(hops);
            if (hops.isEmpty()) {
                throw new IllegalArgumentException("no hops");
            }
        }
    }

    /**
     * The domain takes no mail, for good: a null MX (RFC 7505: {@code 5.1.10}), or no mail exchanger
     * and no address at all ({@code 5.1.2}, RFC 3463 "bad destination system address").
     */
    record Unroutable(String status, String diagnostic) implements Route {
    }

    /** DNS gave no answer now ({@code 4.4.3}, RFC 3463 "directory server failure"): try again later. */
    record DnsTrouble(String diagnostic) implements Route {
    }
}
