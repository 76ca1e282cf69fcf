package org.posthorn.ejb.relay;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.posthorn.ejb.dns.DnsLookup;
import org.posthorn.ejb.dns.DnsLookupException;
import org.posthorn.ejb.dns.MxTarget;

/** DNS answers from maps, for the relay's tests; addresses are 127.0.0.n. Names are looked up as given. */
public final class FakeDns implements DnsLookup {

    private final Map<String, List<MxTarget>> mx = new HashMap<>();
    private final Map<String, List<InetAddress>> a = new HashMap<>();
    /** A name whose MX lookup gets no answer. */
    public String failing;

    public FakeDns mx(String name, MxTarget... targets) {
        mx.put(name, List.of(targets));
        return this;
    }

    /** A and AAAA records of {@code name}: 127.0.0.n for each n. */
    public FakeDns a(String name, int... lastOctets) {
        a.put(name, Arrays.stream(lastOctets).mapToObj(FakeDns::loopback).toList());
        return this;
    }

    @Override
    public List<MxTarget> mx(String name) {
        if (name.equals(failing)) {
            throw new DnsLookupException("no answer from DNS for " + name + " MX");
        }
        return mx.getOrDefault(name, List.of());
    }

    @Override
    public List<String> txt(String name) {
        return List.of();
    }

    @Override
    public List<InetAddress> addresses(String name) {
        return a.getOrDefault(name, List.of());
    }

    /** 127.0.0.n: Linux routes all of 127/8 to the loopback interface. */
    public static InetAddress loopback(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) n});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
