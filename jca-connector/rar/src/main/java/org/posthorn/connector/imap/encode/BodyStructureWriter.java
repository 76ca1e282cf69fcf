package org.posthorn.connector.imap.encode;

import static org.posthorn.connector.imap.encode.ImapStrings.NIL;
import static org.posthorn.connector.imap.encode.ImapStrings.nstring;
import static org.posthorn.connector.imap.encode.ImapStrings.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.posthorn.spi.imap.BodyPart;

/**
 * Writes {@code body} of RFC 3501 §7.4.2 and §9 (RFC 9051 §7.5.2): {@code BODY}, the non-extensible
 * form, or {@code BODYSTRUCTURE} with the extension data ({@code body-ext-1part},
 * {@code body-ext-mpart}). The layout follows Dovecot's: the parts of a multipart follow each other
 * without a space ({@code 1*body}), and the extensible form always carries all four extension fields.
 * A {@code text/*} part without a charset parameter is reported with {@code ("charset" "us-ascii")},
 * the RFC 2045 §5.2 default, after its own parameters (Dovecot's {@code params_write}).
 *
 * <pre>
 * body-type-basic = media-basic SP body-fields
 * body-type-text  = media-text SP body-fields SP body-fld-lines
 * body-type-msg   = media-message SP body-fields SP envelope SP body SP body-fld-lines
 * body-fields     = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
 * body-ext-1part  = body-fld-md5 SP body-fld-dsp SP body-fld-lang SP body-fld-loc
 * body-type-mpart = 1*body SP media-subtype [SP body-fld-param SP body-fld-dsp SP body-fld-lang SP body-fld-loc]
 * </pre>
 */
public final class BodyStructureWriter {

    /**
     * A multipart without parts is not expressible ({@code 1*body}); like Dovecot, one empty
     * text/plain part stands in for the missing ones.
     */
    private static final String EMPTY_PART = "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 0 0";

    private BodyStructureWriter() {
    }

    /** {@code body} in IMAP syntax: with the extension data when {@code extensible} (BODYSTRUCTURE). */
    public static String write(BodyPart body, boolean extensible) {
        StringBuilder out = new StringBuilder(512);
        append(out, body, extensible);
        return out.toString();
    }

    static void append(StringBuilder out, BodyPart part, boolean extensible) {
        out.append('(');
        if (part.isMultipart()) {
            multipart(out, part, extensible);
        } else {
            single(out, part, extensible);
        }
        out.append(')');
    }

    private static void multipart(StringBuilder out, BodyPart part, boolean extensible) {
        if (part.children().isEmpty()) {
            out.append(EMPTY_PART).append(extensible ? " NIL NIL NIL NIL)" : ")");
        }
        for (BodyPart child : part.children()) {
            append(out, child, extensible);
        }
        out.append(' ').append(string(part.subtype()));
        if (extensible) {
            out.append(' ');
            parameters(out, part.parameters());
            extensions(out, part);
        }
    }

    private static void single(StringBuilder out, BodyPart part, boolean extensible) {
        out.append(string(part.type())).append(' ').append(string(part.subtype())).append(' ');
        parameters(out, "text".equals(part.type()) ? withDefaultCharset(part.parameters()) : part.parameters());
        out.append(' ').append(nstring(part.id())).append(' ').append(nstring(part.description()))
                .append(' ').append(string(part.encoding())).append(' ').append(part.size());
        Optional<BodyPart.Encapsulated> message = part.message();
        if (message.isPresent()) {
            out.append(' ');
            EnvelopeWriter.append(out, message.get().envelope());
            out.append(' ');
            append(out, message.get().body(), extensible);
            out.append(' ').append(part.lines());
        } else if ("text".equals(part.type())) {
            out.append(' ').append(part.lines());
        }
        if (extensible) {
            out.append(' ').append(nstring(part.md5()));
            extensions(out, part);
        }
    }

    /** {@code SP body-fld-dsp SP body-fld-lang SP body-fld-loc}, common to both extension forms. */
    private static void extensions(StringBuilder out, BodyPart part) {
        out.append(' ');
        if (part.disposition().isPresent()) {
            BodyPart.Disposition disposition = part.disposition().get();
            out.append('(').append(string(disposition.type())).append(' ');
            parameters(out, disposition.parameters());
            out.append(')');
        } else {
            out.append(NIL);
        }
        out.append(' ');
        language(out, part.language());
        out.append(' ').append(nstring(part.location()));
    }

    /**
     * RFC 2045 §5.2: text without a charset is us-ascii. Added here, not at delivery, so that messages
     * stored before this rule (and stored structures, ADR 0006) need no rewrite.
     */
    private static Map<String, String> withDefaultCharset(Map<String, String> parameters) {
        if (parameters.keySet().stream().anyMatch("charset"::equalsIgnoreCase)) {
            return parameters;
        }
        Map<String, String> withCharset = new LinkedHashMap<>(parameters);
        withCharset.put("charset", "us-ascii");
        return withCharset;
    }

    /** {@code body-fld-param = "(" string SP string *(SP string SP string) ")" / nil}. */
    private static void parameters(StringBuilder out, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            out.append(NIL);
            return;
        }
        out.append('(');
        String separator = "";
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            out.append(separator).append(string(p.getKey())).append(' ').append(string(p.getValue()));
            separator = " ";
        }
        out.append(')');
    }

    /** {@code body-fld-lang = nstring / "(" string *(SP string) ")"}: NIL, one string, or a list. */
    private static void language(StringBuilder out, List<String> language) {
        if (language.isEmpty()) {
            out.append(NIL);
        } else if (language.size() == 1) {
            out.append(string(language.get(0)));
        } else {
            out.append('(');
            for (int i = 0; i < language.size(); i++) {
                out.append(i == 0 ? "" : " ").append(string(language.get(i)));
            }
            out.append(')');
        }
    }
}
