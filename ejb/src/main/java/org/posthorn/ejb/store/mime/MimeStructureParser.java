package org.posthorn.ejb.store.mime;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.Envelope;

/**
 * Parses the MIME structure of stored octets (RFC 2045, RFC 2046) with the byte offsets of every
 * part's header, body and end, as RFC 3501 §6.4.5 {@code BODY[section]} and §7.4.2
 * {@code BODYSTRUCTURE} need them. Header fields are read by Jakarta Mail; multipart bodies are cut
 * by {@link BoundaryScanner}. Never fails: a multipart without a usable boundary, or nesting beyond
 * {@link #MAX_DEPTH}, becomes a {@code text/plain} part over its body.
 */
public final class MimeStructureParser {

    private static final Logger LOG = Logger.getLogger(MimeStructureParser.class.getName());
    /** Deeper nesting is read as an opaque part: a bound on stack and work for hostile input. */
    static final int MAX_DEPTH = 20;
    /** More parts than this in one message are not descended into. */
    static final int MAX_PARTS = 2000;

    private final byte[] data;
    private int parts;

    private MimeStructureParser(byte[] data) {
        this.data = data;
    }

    /** The structure of a whole stored message. */
    public static StoredStructure parse(byte[] stored) {
        MimeStructureParser parser = new MimeStructureParser(stored);
        int[] split = BoundaryScanner.headerSplit(stored, 0, stored.length);
        HeaderSection headers = HeaderSection.read(stored, 0, split[0]);
        Envelope envelope = EnvelopeParser.parse(headers);
        BodyPart body;
        try {
            body = parser.part(0, stored.length, "text/plain", 0);
        } catch (RuntimeException e) {
            // A parser bug must not lose mail: keep the message with the simplest true structure.
            LOG.log(Level.WARNING, "MIME structure unreadable, stored as one text part", e);
            body = parser.plain(0, stored.length, headers);
        }
        return new StoredStructure(envelope, body, Arrays.copyOfRange(stored, 0, split[1]));
    }

    /** One entity (RFC 2045 §2.4) in {@code [start, end)}. */
    private BodyPart part(int start, int end, String defaultType, int depth) {
        parts++;
        int[] split = BoundaryScanner.headerSplit(data, start, end);
        HeaderSection headers = HeaderSection.read(data, start, split[0]);
        ContentType type = contentType(headers.first("Content-Type"), defaultType);
        String primary = type.getPrimaryType().toLowerCase(Locale.ROOT);
        String sub = type.getSubType().toLowerCase(Locale.ROOT);
        int bodyStart = split[1];
        boolean descend = depth < MAX_DEPTH && parts < MAX_PARTS;
        List<BodyPart> children = List.of();
        Optional<BodyPart.Encapsulated> message = Optional.empty();
        if ("multipart".equals(primary)) {
            String boundary = type.getParameter("boundary");
            List<int[]> ranges = boundary == null || boundary.isEmpty() || !descend ? List.of()
                    : BoundaryScanner.parts(data, bodyStart, end, boundary.getBytes(StandardCharsets.ISO_8859_1));
            if (ranges.isEmpty()) {
                return plain(start, end, headers);
            }
            String childType = "digest".equals(sub) ? "message/rfc822" : "text/plain";
            List<BodyPart> list = new ArrayList<>();
            for (int[] range : ranges) {
                list.add(part(range[0], range[1], childType, depth + 1));
            }
            children = list;
        } else if ("message".equals(primary) && "rfc822".equals(sub) && descend) {
            int[] inner = BoundaryScanner.headerSplit(data, bodyStart, end);
            Envelope envelope = EnvelopeParser.parse(HeaderSection.read(data, bodyStart, inner[0]));
            message = Optional.of(new BodyPart.Encapsulated(envelope, part(bodyStart, end, "text/plain", depth + 1)));
        }
        return build(primary, sub, type.getParameterList(), headers, start, bodyStart, end, children, message);
    }

    /** The fallback: a {@code text/plain} part over the body, other header fields kept. */
    private BodyPart plain(int start, int end, HeaderSection headers) {
        int[] split = BoundaryScanner.headerSplit(data, start, end);
        ParameterList params = new ParameterList();
        params.set("charset", "us-ascii");
        return build("text", "plain", params, headers, start, split[1], end, List.of(), Optional.empty());
    }

    private BodyPart build(String primary, String sub, ParameterList params, HeaderSection headers, int start,
                           int bodyStart, int end, List<BodyPart> children, Optional<BodyPart.Encapsulated> message) {
        String encoding = headers.first("Content-Transfer-Encoding");
        boolean counted = "text".equals(primary) || ("message".equals(primary) && "rfc822".equals(sub));
        return new BodyPart(primary, sub, map(params), headers.first("Content-ID"),
                headers.first("Content-Description"),
                encoding == null || encoding.isEmpty() ? "7BIT" : encoding.toUpperCase(Locale.ROOT),
                disposition(headers.first("Content-Disposition")), languages(headers.first("Content-Language")),
                headers.first("Content-Location"), headers.first("Content-MD5"),
                counted ? BoundaryScanner.lines(data, bodyStart, end) : 0, start, bodyStart, end, children, message);
    }

    /** RFC 2045 §5.2: a missing or unreadable Content-Type means {@code text/plain; charset=us-ascii}. */
    private static ContentType contentType(String value, String defaultType) {
        if (value != null) {
            try {
                ContentType type = new ContentType(value);
                if (type.getPrimaryType() != null && type.getSubType() != null) {
                    return type;
                }
            } catch (ParseException malformed) {
                LOG.fine(() -> "Unreadable Content-Type, using the default: " + malformed.getMessage());
            }
        }
        ParameterList params = new ParameterList();
        if (defaultType.startsWith("text/")) {
            params.set("charset", "us-ascii");
        }
        String[] split = defaultType.split("/");
        return new ContentType(split[0], split[1], params);
    }

    private static Optional<BodyPart.Disposition> disposition(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            ContentDisposition disposition = new ContentDisposition(value);
            return Optional.of(new BodyPart.Disposition(disposition.getDisposition().toLowerCase(Locale.ROOT),
                    map(disposition.getParameterList())));
        } catch (ParseException | RuntimeException malformed) {
            LOG.fine(() -> "Unreadable Content-Disposition ignored: " + malformed.getMessage());
            return Optional.empty();
        }
    }

    private static List<String> languages(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String tag : value.replaceAll("\\([^)]*\\)", "").split(",")) {
            if (!tag.isBlank()) {
                out.add(tag.trim());
            }
        }
        return out;
    }

    private static Map<String, String> map(ParameterList params) {
        Map<String, String> out = new LinkedHashMap<>();
        if (params != null) {
            for (Enumeration<String> names = params.getNames(); names.hasMoreElements(); ) {
                String name = names.nextElement();
                String value = params.get(name);
                out.put(name.toLowerCase(Locale.ROOT), value == null ? "" : value);
            }
        }
        return out;
    }
}
