package org.posthorn.ejb.store.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.Envelope;

/**
 * The stored form of a {@link StoredStructure}: a small versioned binary record (big-endian, strings
 * as length-prefixed UTF-8, {@code -1} for null). Binary rather than JSON because it is read for every
 * message of a FETCH ENVELOPE/BODYSTRUCTURE of a whole mailbox and needs no library at run time.
 * Version 1 is the only one; an unknown version reads as "not parsed yet", so the message is parsed
 * again rather than shown wrong.
 */
public final class StructureCodec {

    static final int VERSION = 1;
    /** A bound on counts read back, against a corrupt row allocating without end. */
    private static final int MAX_COUNT = 1 << 20;

    private StructureCodec() {
    }

    public static byte[] encode(StoredStructure structure) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512 + structure.header().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeEnvelope(out, structure.envelope());
            writePart(out, structure.body());
            out.writeInt(structure.header().length);
            out.write(structure.header());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
        return bytes.toByteArray();
    }

    /** The structure, or empty when the bytes are of an unknown version or unreadable. */
    public static Optional<StoredStructure> decode(byte[] stored) {
        if (stored == null || stored.length == 0 || stored[0] != VERSION) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored, 1, stored.length - 1))) {
            Envelope envelope = readEnvelope(in);
            BodyPart body = readPart(in);
            byte[] header = new byte[count(in)];
            in.readFully(header);
            return Optional.of(new StoredStructure(envelope, body, header));
        } catch (IOException | RuntimeException corrupt) {
            // Not a failure of the call: the caller parses the message again and stores a good copy.
            return Optional.empty();
        }
    }

    private static void writeEnvelope(DataOutputStream out, Envelope e) throws IOException {
        writeString(out, e.date());
        writeString(out, e.subject());
        for (List<Envelope.Address> list : List.of(e.from(), e.sender(), e.replyTo(), e.to(), e.cc(), e.bcc())) {
            out.writeInt(list.size());
            for (Envelope.Address a : list) {
                writeString(out, a.name());
                writeString(out, a.route());
                writeString(out, a.mailbox());
                writeString(out, a.host());
            }
        }
        writeString(out, e.inReplyTo());
        writeString(out, e.messageId());
    }

    private static Envelope readEnvelope(DataInputStream in) throws IOException {
        String date = readString(in);
        String subject = readString(in);
        List<List<Envelope.Address>> lists = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = count(in);
            List<Envelope.Address> list = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                list.add(new Envelope.Address(readString(in), readString(in), readString(in), readString(in)));
            }
            lists.add(list);
        }
        return new Envelope(date, subject, lists.get(0), lists.get(1), lists.get(2), lists.get(3), lists.get(4),
                lists.get(5), readString(in), readString(in));
    }

    private static void writePart(DataOutputStream out, BodyPart p) throws IOException {
        writeString(out, p.type());
        writeString(out, p.subtype());
        writeMap(out, p.parameters());
        writeString(out, p.id());
        writeString(out, p.description());
        writeString(out, p.encoding());
        out.writeBoolean(p.disposition().isPresent());
        if (p.disposition().isPresent()) {
            writeString(out, p.disposition().get().type());
            writeMap(out, p.disposition().get().parameters());
        }
        out.writeInt(p.language().size());
        for (String language : p.language()) {
            writeString(out, language);
        }
        writeString(out, p.location());
        writeString(out, p.md5());
        out.writeLong(p.lines());
        out.writeLong(p.headerStart());
        out.writeLong(p.bodyStart());
        out.writeLong(p.end());
        out.writeInt(p.children().size());
        for (BodyPart child : p.children()) {
            writePart(out, child);
        }
        out.writeBoolean(p.message().isPresent());
        if (p.message().isPresent()) {
            writeEnvelope(out, p.message().get().envelope());
            writePart(out, p.message().get().body());
        }
    }

    private static BodyPart readPart(DataInputStream in) throws IOException {
        String type = readString(in);
        String subtype = readString(in);
        Map<String, String> parameters = readMap(in);
        String id = readString(in);
        String description = readString(in);
        String encoding = readString(in);
        Optional<BodyPart.Disposition> disposition = in.readBoolean()
                ? Optional.of(new BodyPart.Disposition(readString(in), readMap(in))) : Optional.empty();
        int languages = count(in);
        List<String> language = new ArrayList<>(languages);
        for (int i = 0; i < languages; i++) {
            language.add(readString(in));
        }
        String location = readString(in);
        String md5 = readString(in);
        long lines = in.readLong();
        long headerStart = in.readLong();
        long bodyStart = in.readLong();
        long end = in.readLong();
        int n = count(in);
        List<BodyPart> children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(readPart(in));
        }
        Optional<BodyPart.Encapsulated> message = in.readBoolean()
                ? Optional.of(new BodyPart.Encapsulated(readEnvelope(in), readPart(in))) : Optional.empty();
        return new BodyPart(type, subtype, parameters, id, description, encoding, disposition, language, location,
                md5, lines, headerStart, bodyStart, end, children, message);
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            writeString(out, entry.getKey());
            writeString(out, entry.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(readString(in), readString(in));
        }
        return map;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("bad string length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("bad count " + n);
        }
        return n;
    }
}
