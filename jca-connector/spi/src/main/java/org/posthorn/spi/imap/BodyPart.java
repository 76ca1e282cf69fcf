package org.posthorn.spi.imap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The MIME structure of a message or of one of its parts (RFC 2045/2046), parsed once at delivery,
 * with the byte offsets of the part within the stored message so that the wire can serve
 * {@code BODY[1.2]}, {@code BODY[1.2.MIME]}, {@code BODY[TEXT]} without parsing MIME again.
 *
 * @param type        media type, lower case (e.g. {@code text})
 * @param subtype     media subtype, lower case (e.g. {@code plain})
 * @param parameters  Content-Type parameters in header order, names lower case
 * @param id          Content-ID, or null
 * @param description Content-Description, or null
 * @param encoding    Content-Transfer-Encoding, upper case as IMAP reports it (default {@code 7BIT})
 * @param disposition Content-Disposition type and parameters, if present
 * @param language    Content-Language values
 * @param location    Content-Location, or null
 * @param md5         Content-MD5, or null
 * @param lines       the body's line count, for {@code text/*} and {@code message/rfc822} parts
 * @param headerStart offset of the part's first header line in the stored message
 * @param bodyStart   offset of the part's body (after the blank line)
 * @param end         offset just after the part's body
 * @param children    the parts of a multipart, in order; empty otherwise
 * @param message     for {@code message/rfc822}: the encapsulated message's envelope and structure
 */
public record BodyPart(String type, String subtype, Map<String, String> parameters, String id, String description,
                       String encoding, Optional<Disposition> disposition, List<String> language, String location,
                       String md5, long lines, long headerStart, long bodyStart, long end,
                       List<BodyPart> children, Optional<Encapsulated> message) {

    public BodyPart {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subtype, "subtype");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(disposition, "disposition");
        language = List.copyOf(language);
        children = List.copyOf(children);
        Objects.requireNonNull(message, "message");
    }

    /** The body's size in octets, as BODYSTRUCTURE reports it. */
    public long size() {
        return end - bodyStart;
    }

    public boolean isMultipart() {
        return "multipart".equals(type);
    }

    /** A Content-Disposition (RFC 2183). */
    public record Disposition(String type, Map<String, String> parameters) {
        public Disposition {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /** What a {@code message/rfc822} part holds. */
    public record Encapsulated(Envelope envelope, BodyPart body) {
    }
}
