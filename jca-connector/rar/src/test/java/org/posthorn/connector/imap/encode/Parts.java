package org.posthorn.connector.imap.encode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.Envelope;

/** Builds {@link BodyPart}s for tests: defaults as a delivery-time parser leaves them for a bare part. */
final class Parts {

    private String type;
    private String subtype;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private String id;
    private String description;
    private String encoding = "7BIT";
    private Optional<BodyPart.Disposition> disposition = Optional.empty();
    private List<String> language = List.of();
    private String location;
    private String md5;
    private long lines;
    private long headerStart;
    private long bodyStart;
    private long end;
    private List<BodyPart> children = List.of();
    private Optional<BodyPart.Encapsulated> message = Optional.empty();

    private Parts(String type, String subtype) {
        this.type = type;
        this.subtype = subtype;
    }

    static Parts part(String type, String subtype) {
        return new Parts(type, subtype);
    }

    Parts param(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    Parts id(String value) {
        id = value;
        return this;
    }

    Parts description(String value) {
        description = value;
        return this;
    }

    Parts encoding(String value) {
        encoding = value;
        return this;
    }

    Parts disposition(String dispositionType, Map<String, String> dispositionParameters) {
        disposition = Optional.of(new BodyPart.Disposition(dispositionType, dispositionParameters));
        return this;
    }

    Parts language(String... values) {
        language = List.of(values);
        return this;
    }

    Parts location(String value) {
        location = value;
        return this;
    }

    Parts md5(String value) {
        md5 = value;
        return this;
    }

    Parts lines(long value) {
        lines = value;
        return this;
    }

    /** The offsets; a part's size is {@code end - bodyStart}. */
    Parts span(long header, long body, long after) {
        headerStart = header;
        bodyStart = body;
        end = after;
        return this;
    }

    /** A body of {@code size} octets (offsets that do not matter beyond the size). */
    Parts size(long size) {
        return span(0, 0, size);
    }

    Parts children(BodyPart... parts) {
        children = List.of(parts);
        return this;
    }

    Parts message(Envelope envelope, BodyPart body) {
        message = Optional.of(new BodyPart.Encapsulated(envelope, body));
        return this;
    }

    BodyPart build() {
        return new BodyPart(type, subtype, parameters, id, description, encoding, disposition, language, location,
                md5, lines, headerStart, bodyStart, end, children, message);
    }
}
