package org.posthorn.systemtest.console;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * A tiny authoritative DNS server over UDP on 127.0.0.1, answering from records the test adds, built
 * on dnsjava's {@link Message}. Names it has no records for answer NXDOMAIN. The server under test
 * asks it because arquillian.xml starts WildFly with {@code -Dposthorn.dns.servers=127.0.0.1:}{@value #PORT}.
 */
public final class TestDnsServer implements AutoCloseable {

    /** Fixed: the shared test server is started before this class runs, with this port in its settings. */
    public static final int PORT = 15353;
    private static final long TTL = 60;

    private final DatagramSocket socket;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Thread thread;

    public TestDnsServer() throws SocketException {
        this(PORT);
    }

    /** On another UDP port, for a server started with that port in {@code posthorn.dns.servers} (the benchmarks). */
    public TestDnsServer(int port) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        thread = new Thread(this::serve, "test-dns-server");
        thread.setDaemon(true);
        thread.start();
    }

    public void mx(String owner, int preference, String host) {
        add(new MXRecord(name(owner), DClass.IN, TTL, preference, name(host)));
    }

    /** An A record (RFC 1035 §3.4.1). */
    public void a(String owner, String address) {
        try {
            add(new ARecord(name(owner), DClass.IN, TTL, InetAddress.getByName(address)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** A TXT record of one or more character-strings. */
    public void txt(String owner, String... strings) {
        add(new TXTRecord(name(owner), DClass.IN, TTL, List.of(strings)));
    }

    /** An SRV record (RFC 2782). */
    public void srv(String owner, int priority, int weight, int port, String target) {
        add(new SRVRecord(name(owner), DClass.IN, TTL, priority, weight, port, name(target)));
    }

    /** A CNAME record; answered only to CNAME questions (this server follows no aliases). */
    public void cname(String owner, String target) {
        add(new CNAMERecord(name(owner), DClass.IN, TTL, name(target)));
    }

    private void add(Record record) {
        records.merge(record.getName(), List.of(record),
                (old, added) -> java.util.stream.Stream.concat(old.stream(), added.stream()).toList());
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] answer = answer(new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength())));
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        List<Record> known = records.get(question.getName());
        if (known == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            known.stream().filter(r -> r.getType() == question.getType())
                    .forEach(r -> response.addRecord(r, Section.ANSWER));
        }
        return response.toWire();
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
