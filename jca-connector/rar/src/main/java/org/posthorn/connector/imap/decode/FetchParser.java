package org.posthorn.connector.imap.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The arguments of FETCH after the sequence set: {@code ("ALL" / "FULL" / "FAST" / fetch-att / "("
 * fetch-att *(SP fetch-att) ")") [fetch-modifiers]} (RFC 3501 §9, RFC 4466 §2.4), where the only
 * modifier is {@code "CHANGEDSINCE" SP mod-sequence-value} (RFC 7162 §3.1.4).
 */
final class FetchParser {

    private FetchParser() {
    }

    static Fetch parse(String tag, boolean uid, SequenceSet set, ImapReader in) {
        in.sp();
        List<FetchAttribute> attributes;
        if (in.peek() == '(') {
            attributes = Arguments.list(in, false, () -> attribute(in));
        } else {
            String name = in.run(Chars::isNameChar).toUpperCase(Locale.ROOT);
            attributes = switch (name) {
                case "ALL" -> FetchAttribute.ALL;
                case "FAST" -> FetchAttribute.FAST;
                case "FULL" -> FetchAttribute.FULL;
                default -> List.of(attribute(name, in));
            };
        }
        OptionalLong changedSince = OptionalLong.empty();
        if (in.skip(' ')) {
            List<Long> modifiers = Arguments.list(in, false, () -> {
                if (!in.keyword("CHANGEDSINCE")) {
                    throw SyntaxError.syntax("Unknown FETCH modifier");
                }
                in.sp();
                return Numbers.modSequence(in);
            });
            if (modifiers.size() > 1) {
                throw SyntaxError.syntax("CHANGEDSINCE given twice");
            }
            changedSince = OptionalLong.of(modifiers.get(0));
        }
        return new Fetch(tag, uid, set, attributes, changedSince);
    }

    private static FetchAttribute attribute(ImapReader in) {
        return attribute(in.run(Chars::isNameChar).toUpperCase(Locale.ROOT), in);
    }

    /** {@code fetch-att} whose name, in upper case, has been read. */
    private static FetchAttribute attribute(String name, ImapReader in) {
        FetchAttribute.Item item = switch (name) {
            case "ENVELOPE" -> FetchAttribute.Item.ENVELOPE;
            case "FLAGS" -> FetchAttribute.Item.FLAGS;
            case "INTERNALDATE" -> FetchAttribute.Item.INTERNALDATE;
            case "RFC822" -> FetchAttribute.Item.RFC822;
            case "RFC822.HEADER" -> FetchAttribute.Item.RFC822_HEADER;
            case "RFC822.SIZE" -> FetchAttribute.Item.RFC822_SIZE;
            case "RFC822.TEXT" -> FetchAttribute.Item.RFC822_TEXT;
            case "BODYSTRUCTURE" -> FetchAttribute.Item.BODYSTRUCTURE;
            case "UID" -> FetchAttribute.Item.UID;
            case "MODSEQ" -> FetchAttribute.Item.MODSEQ;
            case "BODY" -> in.peek() == '[' ? null : FetchAttribute.Item.BODY;
            case "BODY.PEEK" -> null;
            default -> throw SyntaxError.syntax("Unknown FETCH attribute");
        };
        if (item != null) {
            return new FetchAttribute.Simple(item);
        }
        FetchAttribute.Section section = section(in);
        Optional<FetchAttribute.Partial> partial = Optional.empty();
        if (in.skip('<')) {
            long offset = Numbers.number(in);
            in.expect('.');
            long length = Numbers.nzNumber(in);
            in.expect('>');
            partial = Optional.of(new FetchAttribute.Partial(offset, length));
        }
        return new FetchAttribute.BodySection(name.equals("BODY.PEEK"), section, partial);
    }

    /**
     * {@code section = "[" [section-spec] "]"}, {@code section-spec = section-msgtext / (section-part
     * ["." section-text])}, {@code section-part = nz-number *("." nz-number)}, {@code section-text =
     * section-msgtext / "MIME"}.
     */
    private static FetchAttribute.Section section(ImapReader in) {
        in.expect('[');
        List<Long> part = new ArrayList<>();
        FetchAttribute.Text text = FetchAttribute.Text.ALL;
        List<String> fields = List.of();
        if (Chars.isDigit(in.peek())) {
            part.add(Numbers.nzNumber(in));
            while (in.skip('.')) {
                if (!Chars.isDigit(in.peek())) {
                    text = text(in, true);
                    break;
                }
                part.add(Numbers.nzNumber(in));
            }
        } else if (in.peek() != ']') {
            text = text(in, false);
        }
        if (text == FetchAttribute.Text.HEADER_FIELDS || text == FetchAttribute.Text.HEADER_FIELDS_NOT) {
            in.sp();
            fields = Arguments.list(in, false, () -> Arguments.headerFieldName(in));
        }
        in.expect(']');
        return new FetchAttribute.Section(part, text, fields);
    }

    /** {@code section-msgtext}, or {@code MIME} after a part. */
    private static FetchAttribute.Text text(ImapReader in, boolean afterPart) {
        return switch (in.run(Chars::isNameChar).toUpperCase(Locale.ROOT)) {
            case "HEADER" -> FetchAttribute.Text.HEADER;
            case "HEADER.FIELDS" -> FetchAttribute.Text.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> FetchAttribute.Text.HEADER_FIELDS_NOT;
            case "TEXT" -> FetchAttribute.Text.TEXT;
            case "MIME" -> {
                if (!afterPart) {
                    throw SyntaxError.syntax("MIME needs a part number");
                }
                yield FetchAttribute.Text.MIME;
            }
            default -> throw SyntaxError.syntax("Bad section");
        };
    }
}
