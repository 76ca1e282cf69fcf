package org.posthorn.connector.imap.decode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code fetch-att} of RFC 3501 §9 and RFC 7162 §3.1.4 ({@code MODSEQ}). {@code toString()} is the
 * attribute in IMAP syntax, as a FETCH response names it again ({@code BODY[1.2.HEADER.FIELDS (From)]<0>}
 * is answered under that name, RFC 3501 §7.4.2, except that the length of a partial is left out).
 */
public sealed interface FetchAttribute {

    /** {@code ALL}: {@code (FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)} (RFC 3501 §6.4.5). */
    List<FetchAttribute> ALL = items(Item.FLAGS, Item.INTERNALDATE, Item.RFC822_SIZE, Item.ENVELOPE);
    /** {@code FAST}: {@code (FLAGS INTERNALDATE RFC822.SIZE)}. */
    List<FetchAttribute> FAST = items(Item.FLAGS, Item.INTERNALDATE, Item.RFC822_SIZE);
    /** {@code FULL}: {@code (FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY)}. */
    List<FetchAttribute> FULL = items(Item.FLAGS, Item.INTERNALDATE, Item.RFC822_SIZE, Item.ENVELOPE, Item.BODY);

    private static List<FetchAttribute> items(Item... items) {
        return java.util.Arrays.stream(items).<FetchAttribute>map(Simple::new).toList();
    }

    /** The attributes without a section. */
    enum Item {
        ENVELOPE("ENVELOPE"), FLAGS("FLAGS"), INTERNALDATE("INTERNALDATE"), RFC822("RFC822"),
        RFC822_HEADER("RFC822.HEADER"), RFC822_SIZE("RFC822.SIZE"), RFC822_TEXT("RFC822.TEXT"),
        /** The non-extensible body structure. */
        BODY("BODY"), BODYSTRUCTURE("BODYSTRUCTURE"), UID("UID"), MODSEQ("MODSEQ");

        private final String wire;

        Item(String wire) {
            this.wire = wire;
        }

        /** The name on the wire. */
        public String wire() {
            return wire;
        }
    }

    /** {@code FLAGS}, {@code ENVELOPE}, {@code RFC822.SIZE}... */
    record Simple(Item item) implements FetchAttribute {
        @Override
        public String toString() {
            return item.wire();
        }
    }

    /**
     * {@code ("BODY" / "BODY.PEEK") section ["<" number "." nz-number ">"]}.
     *
     * @param peek    {@code BODY.PEEK}: do not set {@code \Seen}
     * @param partial the octet range asked for, when given
     */
    record BodySection(boolean peek, Section section, Optional<Partial> partial) implements FetchAttribute {
        public BodySection {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(partial, "partial");
        }

        @Override
        public String toString() {
            return (peek ? "BODY.PEEK" : "BODY") + section + partial.map(Partial::toString).orElse("");
        }
    }

    /** What of a section's text: {@code section-msgtext} or {@code MIME}, or all of it. */
    enum Text {
        ALL(""), HEADER("HEADER"), HEADER_FIELDS("HEADER.FIELDS"), HEADER_FIELDS_NOT("HEADER.FIELDS.NOT"),
        TEXT("TEXT"), MIME("MIME");

        private final String wire;

        Text(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /**
     * {@code section = "[" [section-spec] "]"}: a part path ({@code section-part = nz-number *("."
     * nz-number)}) and what of it.
     *
     * @param part   the part numbers, empty for the message itself
     * @param text   {@code MIME} only with a part
     * @param fields the header field names of {@code HEADER.FIELDS[.NOT]}, as sent; empty otherwise
     */
    record Section(List<Long> part, Text text, List<String> fields) {
        public Section {
            part = List.copyOf(part);
            fields = List.copyOf(fields);
            boolean fieldList = text == Text.HEADER_FIELDS || text == Text.HEADER_FIELDS_NOT;
            if (fieldList == fields.isEmpty() || (text == Text.MIME && part.isEmpty())) {
                throw new IllegalArgumentException("not a section: " + part + " " + text + " " + fields);
            }
        }

        @Override
        public String toString() {
            String path = part.stream().map(String::valueOf).collect(Collectors.joining("."));
            String spec = path + (path.isEmpty() || text == Text.ALL ? "" : ".") + text.wire();
            if (!fields.isEmpty()) {
                spec += fields.stream().map(Section::astring).collect(Collectors.joining(" ", " (", ")"));
            }
            return "[" + spec + "]";
        }

        private static String astring(String name) {
            if (name.chars().allMatch(Chars::isAstringChar)) {
                return name;
            }
            return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    /** {@code "<" number "." nz-number ">"}: octets from {@code offset}, at most {@code length}. */
    record Partial(long offset, long length) {
        @Override
        public String toString() {
            return "<" + offset + "." + length + ">";
        }
    }
}
