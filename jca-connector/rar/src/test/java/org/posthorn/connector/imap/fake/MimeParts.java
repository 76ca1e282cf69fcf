package org.posthorn.connector.imap.fake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.Envelope;

/**
 * The fake store's MIME reading: the envelope (RFC 3501 §7.4.2) and the structure with byte offsets
 * (RFC 2045/2046) of stored octets, as the post office computes them at delivery. Header fields,
 * parameters and addresses are read by Jakarta Mail; the cuts between header, body and the parts of a
 * multipart are found here, on the octets as ISO-8859-1 text so that string indexes are byte offsets.
 *
 * <p>Simpler than the real parser: no depth or part-count limits (test input only), and display names
 * of addresses are decoded by Jakarta Mail and re-encoded as RFC 2047 words where they are not ASCII,
 * instead of being kept exactly as written.
 */
final class MimeParts {

    private final byte[] bytes;
    private final String text;

    private MimeParts(byte[] bytes) {
        this.bytes = bytes;
        this.text = new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The structure of a whole message. */
    static BodyPart structure(byte[] message) {
        return new MimeParts(message).part(0, message.length, "text/plain");
    }

    /** The envelope from the header section at the start of {@code message}. */
    static Envelope envelope(byte[] message) {
        MimeParts parts = new MimeParts(message);
        return parts.envelopeAt(0, parts.split(0, message.length)[1]);
    }

    /** The unfolded values of a header field in {@code [start, end)}, in order. */
    static List<String> values(byte[] bytes, int start, int end, String field) {
        String[] found = headers(bytes, start, end).getHeader(field);
        List<String> values = new ArrayList<>();
        if (found != null) {
            for (String value : found) {
                values.add(MimeUtility.unfold(value).trim());
            }
        }
        return values;
    }

    private static InternetHeaders headers(byte[] bytes, int start, int end) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(bytes, start, end - start), true);
        } catch (MessagingException e) {
            return new InternetHeaders();
        }
    }

    private String first(int start, int end, String field) {
        List<String> values = values(bytes, start, end, field);
        return values.isEmpty() ? null : values.get(0);
    }

    /** {@code {end of the header lines, start of the body}}: the body starts after the first empty line. */
    int[] split(int start, int end) {
        int line = start;
        while (line < end) {
            int lf = text.indexOf('\n', line);
            if (lf < 0 || lf >= end) {
                return new int[] {end, end};
            }
            int content = lf > line && text.charAt(lf - 1) == '\r' ? lf - 1 : lf;
            if (content == line) {
                return new int[] {line, lf + 1};
            }
            line = lf + 1;
        }
        return new int[] {end, end};
    }

    private BodyPart part(int start, int end, String defaultType) {
        int bodyStart = split(start, end)[1];
        ContentType type = contentType(first(start, bodyStart, "Content-Type"), defaultType);
        String primary = type.getPrimaryType().toLowerCase(Locale.ROOT);
        String sub = type.getSubType().toLowerCase(Locale.ROOT);
        List<BodyPart> children = new ArrayList<>();
        Optional<BodyPart.Encapsulated> message = Optional.empty();
        if (primary.equals("multipart")) {
            String boundary = type.getParameter("boundary");
            List<int[]> ranges = boundary == null ? List.of() : multipart(bodyStart, end, "--" + boundary);
            if (ranges.isEmpty()) {
                return leaf("text", "plain", Map.of("charset", "us-ascii"), start, bodyStart, end);
            }
            for (int[] range : ranges) {
                children.add(part(range[0], range[1], sub.equals("digest") ? "message/rfc822" : "text/plain"));
            }
        } else if (primary.equals("message") && sub.equals("rfc822")) {
            message = Optional.of(new BodyPart.Encapsulated(envelopeAt(bodyStart, split(bodyStart, end)[1]),
                    part(bodyStart, end, "text/plain")));
        }
        String encoding = first(start, bodyStart, "Content-Transfer-Encoding");
        boolean counted = primary.equals("text") || message.isPresent();
        return new BodyPart(primary, sub, map(type.getParameterList()), first(start, bodyStart, "Content-ID"),
                first(start, bodyStart, "Content-Description"),
                encoding == null || encoding.isEmpty() ? "7BIT" : encoding.toUpperCase(Locale.ROOT),
                disposition(first(start, bodyStart, "Content-Disposition")),
                languages(first(start, bodyStart, "Content-Language")), first(start, bodyStart, "Content-Location"),
                first(start, bodyStart, "Content-MD5"), counted ? lines(bodyStart, end) : 0, start, bodyStart, end,
                children, message);
    }

    private BodyPart leaf(String primary, String sub, Map<String, String> parameters, int start, int bodyStart, int end) {
        return new BodyPart(primary, sub, parameters, null, null, "7BIT", Optional.empty(), List.of(), null, null,
                lines(bodyStart, end), start, bodyStart, end, List.of(), Optional.empty());
    }

    /**
     * The parts of a multipart body as {@code {start, end}}: each begins after a delimiter line and ends
     * before the line break in front of the next (RFC 2046 §5.1.1); preamble and epilogue are no parts.
     */
    private List<int[]> multipart(int start, int end, String delimiter) {
        List<int[]> parts = new ArrayList<>();
        int partStart = -1;
        int line = start;
        while (line < end) {
            int lf = text.indexOf('\n', line);
            int next = lf < 0 || lf >= end ? end : lf + 1;
            String content = text.substring(line, next).stripTrailing();
            boolean close = content.equals(delimiter + "--");
            if (close || content.equals(delimiter)) {
                if (partStart >= 0) {
                    int before = line > start && text.charAt(line - 1) == '\n'
                            ? line - (line - 2 >= start && text.charAt(line - 2) == '\r' ? 2 : 1) : line;
                    parts.add(new int[] {partStart, Math.max(partStart, before)});
                }
                if (close) {
                    return parts;
                }
                partStart = next;
            }
            line = next;
        }
        if (partStart >= 0) {
            parts.add(new int[] {partStart, end});
        }
        return parts;
    }

    /** RFC 3501 {@code body-fld-lines}: line breaks, and an unterminated last line. */
    private long lines(int start, int end) {
        long lines = text.substring(start, end).chars().filter(c -> c == '\n').count();
        return end > start && text.charAt(end - 1) != '\n' ? lines + 1 : lines;
    }

    private Envelope envelopeAt(int start, int end) {
        List<Envelope.Address> from = addresses(first(start, end, "From"));
        List<Envelope.Address> sender = addresses(first(start, end, "Sender"));
        List<Envelope.Address> replyTo = addresses(first(start, end, "Reply-To"));
        return new Envelope(first(start, end, "Date"), first(start, end, "Subject"), from,
                sender.isEmpty() ? from : sender, replyTo.isEmpty() ? from : replyTo,
                addresses(first(start, end, "To")), addresses(first(start, end, "Cc")), addresses(first(start, end, "Bcc")),
                first(start, end, "In-Reply-To"), first(start, end, "Message-ID"));
    }

    /** An address list; a group is a start marker, its members and an end marker (RFC 3501 §7.4.2). */
    private static List<Envelope.Address> addresses(String header) {
        List<Envelope.Address> list = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return list;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                if (address.isGroup()) {
                    String group = address.getAddress();
                    list.add(new Envelope.Address(null, null, group.substring(0, group.indexOf(':')).trim(), null));
                    for (InternetAddress member : address.getGroup(false)) {
                        list.add(single(member));
                    }
                    list.add(new Envelope.Address(null, null, null, null));
                } else {
                    list.add(single(address));
                }
            }
        } catch (AddressException unreadable) {
            return List.of();
        }
        return list;
    }

    private static Envelope.Address single(InternetAddress address) {
        String spec = address.getAddress();
        int at = spec.lastIndexOf('@');
        return new Envelope.Address(encoded(address.getPersonal()), null, at < 0 ? spec : spec.substring(0, at),
                at < 0 ? "" : spec.substring(at + 1));
    }

    private static String encoded(String name) {
        if (name == null || StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            return name;
        }
        try {
            return MimeUtility.encodeWord(name, "UTF-8", "Q");
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** RFC 2045 §5.2: a missing or unreadable Content-Type is the default one. */
    private static ContentType contentType(String value, String defaultType) {
        if (value != null) {
            try {
                ContentType type = new ContentType(value);
                if (type.getPrimaryType() != null && type.getSubType() != null) {
                    return type;
                }
            } catch (jakarta.mail.internet.ParseException unreadable) {
                // the default below
            }
        }
        ParameterList parameters = new ParameterList();
        if (defaultType.startsWith("text/")) {
            parameters.set("charset", "us-ascii");
        }
        String[] split = defaultType.split("/");
        return new ContentType(split[0], split[1], parameters);
    }

    private static Optional<BodyPart.Disposition> disposition(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            ContentDisposition disposition = new ContentDisposition(value);
            return Optional.of(new BodyPart.Disposition(disposition.getDisposition().toLowerCase(Locale.ROOT),
                    map(disposition.getParameterList())));
        } catch (jakarta.mail.internet.ParseException unreadable) {
            return Optional.empty();
        }
    }

    private static List<String> languages(String value) {
        List<String> tags = new ArrayList<>();
        if (value != null) {
            for (String tag : value.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.trim());
                }
            }
        }
        return tags;
    }

    private static Map<String, String> map(ParameterList parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        if (parameters != null) {
            for (Enumeration<String> names = parameters.getNames(); names.hasMoreElements(); ) {
                String name = names.nextElement();
                String value = parameters.get(name);
                map.put(name.toLowerCase(Locale.ROOT), value == null ? "" : value);
            }
        }
        return map;
    }
}
