package org.posthorn.ejb.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link DnsLookup} with dnsjava: one query per question, straight to the resolver, no cache (the
 * administrator wants to see what DNS says now, right after changing a record).
 */
public final class DnsjavaLookup implements DiscoveryLookup {

    private final Resolver resolver;

    /**
     * @param servers the servers to ask in turn; empty for the system's resolver
     * @param timeout how long one query may take
     */
    public DnsjavaLookup(List<InetSocketAddress> servers, Duration timeout) {
        if (servers.isEmpty()) {
            resolver = Lookup.getDefaultResolver();
        } else {
            List<Resolver> each = new ArrayList<>();
            for (InetSocketAddress server : servers) {
                // Resolved here, as the setting may name a host; SimpleResolver wants an address.
                each.add(new SimpleResolver(new InetSocketAddress(server.getHostString(), server.getPort())));
            }
            resolver = new ExtendedResolver(each);
        }
        resolver.setTimeout(timeout);
    }

    @Override
    public List<MxTarget> mx(String name) {
        List<MxTarget> targets = new ArrayList<>();
        for (Record record : query(name, Type.MX)) {
            if (record instanceof MXRecord mx) {
                targets.add(new MxTarget(mx.getPriority(), mx.getTarget().toString()));
            }
        }
        return targets;
    }

    @Override
    public List<String> txt(String name) {
        List<String> texts = new ArrayList<>();
        for (Record record : query(name, Type.TXT)) {
            if (record instanceof TXTRecord txt) {
                texts.add(String.join("", txt.getStrings()));
            }
        }
        return texts;
    }

    @Override
    public List<InetAddress> addresses(String name) {
        List<InetAddress> addresses = new ArrayList<>();
        for (Record record : query(name, Type.A)) {
            if (record instanceof ARecord a) {
                addresses.add(a.getAddress());
            }
        }
        for (Record record : query(name, Type.AAAA)) {
            if (record instanceof AAAARecord aaaa) {
                addresses.add(aaaa.getAddress());
            }
        }
        return addresses;
    }

    @Override
    public List<SrvTarget> srv(String name) {
        return answers(name, Type.SRV, SRVRecord.class).stream()
                .map(srv -> new SrvTarget(srv.getPriority(), srv.getWeight(), srv.getPort(), srv.getTarget().toString()))
                .toList();
    }

    @Override
    public List<String> cname(String name) {
        return answers(name, Type.CNAME, CNAMERecord.class).stream().map(cname -> cname.getTarget().toString()).toList();
    }

    private <R extends Record> List<R> answers(String name, int type, Class<R> recordClass) {
        return query(name, type).stream().filter(recordClass::isInstance).map(recordClass::cast).toList();
    }

    private List<Record> query(String name, int type) {
        Message response;
        try {
            Message question = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
            response = resolver.send(question);
        } catch (TextParseException e) {
            throw new DnsLookupException("'" + name + "' is not a DNS name", e);
        } catch (IOException e) {
            throw new DnsLookupException("no answer from DNS for " + name + " " + Type.string(type)
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return List.of();
        }
        if (rcode != Rcode.NOERROR) {
            throw new DnsLookupException("DNS answered " + Rcode.string(rcode) + " for " + name + " " + Type.string(type));
        }
        return response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }
}
