package org.posthorn.connector.imap.decode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of SEARCH: {@code [search-return-opts] [SP "CHARSET" SP astring] 1*(SP search-key)}
 * (RFC 3501 §9, RFC 4731 §3.1, RFC 5182 §2.1, RFC 7162 §3.1.5). Nesting (parentheses, NOT, OR) and
 * the number of keys are bounded by {@link DecodeLimits}, so no SEARCH can exhaust the stack or make
 * the evaluation of one message arbitrarily costly. One instance per command.
 */
final class SearchParser {

    private static final String FLAGS_ENTRY = "/flags/";
    /** The keys with arguments besides the text and date ones. */
    private static final Set<String> WITH_ARGUMENTS =
            Set.of("HEADER", "KEYWORD", "UNKEYWORD", "LARGER", "SMALLER", "UID", "NOT", "OR", "MODSEQ");

    private final ImapReader in;
    private final DecodeLimits limits;
    private int keys;

    SearchParser(ImapReader in, DecodeLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    Search parse(String tag, boolean uid) {
        in.sp();
        Set<Search.ReturnOption> returns = EnumSet.noneOf(Search.ReturnOption.class);
        if (in.keyword("RETURN")) {
            in.sp();
            returns.addAll(Arguments.list(in, true, () -> EnumSets.find(Search.ReturnOption.class, in.keyword())
                    .orElseThrow(() -> SyntaxError.syntax("Unknown SEARCH return option"))));
            if (returns.isEmpty()) {
                returns.add(Search.ReturnOption.ALL);
            }
            in.sp();
        }
        Optional<String> charset = Optional.empty();
        if (in.keyword("CHARSET")) {
            in.sp();
            String name = Arguments.utf8(in.astring(), "Bad charset name");
            if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
                throw SyntaxError.syntax("Bad charset name");
            }
            charset = Optional.of(name);
            in.sp();
        }
        List<SearchKey> top = new ArrayList<>();
        do {
            top.add(key(1));
        } while (in.skip(' '));
        return new Search(tag, uid, returns, charset, and(top));
    }

    /** {@code search-key}, at nesting {@code depth} (1 at the top). */
    private SearchKey key(int depth) {
        if (depth > limits.maxSearchDepth()) {
            throw SyntaxError.tooComplex("SEARCH nested too deeply");
        }
        if (++keys > limits.maxSearchKeys()) {
            throw SyntaxError.tooComplex("Too many SEARCH keys");
        }
        int c = in.peek();
        if (c == '(') {
            return and(Arguments.list(in, false, () -> key(depth + 1)));
        }
        if (Chars.isDigit(c) || c == '*' || c == '$') {
            return new SearchKey.Sequence(Numbers.sequenceSet(in));
        }
        String name = in.keyword();
        Optional<SearchKey.Flag> flag = EnumSets.find(SearchKey.Flag.class, name);
        if (flag.isPresent()) {
            return new SearchKey.Simple(flag.get());
        }
        Optional<SearchKey.TextField> field = EnumSets.find(SearchKey.TextField.class, name);
        Optional<SearchKey.DateField> date = EnumSets.find(SearchKey.DateField.class, name);
        if (field.isEmpty() && date.isEmpty() && !WITH_ARGUMENTS.contains(name)) {
            throw SyntaxError.syntax("Unknown SEARCH key");
        }
        in.sp();
        if (field.isPresent()) {
            return new SearchKey.Text(field.get(), Octets.wrap(in.astring()));
        }
        if (date.isPresent()) {
            return new SearchKey.Date(date.get(), ImapDates.date(in));
        }
        return switch (name) {
            case "HEADER" -> {
                String header = Arguments.headerFieldName(in);
                in.sp();
                yield new SearchKey.Header(header, Octets.wrap(in.astring()));
            }
            case "KEYWORD", "UNKEYWORD" -> new SearchKey.Keyword(in.atom(), name.equals("KEYWORD"));
            case "LARGER", "SMALLER" -> new SearchKey.Size(name.equals("LARGER"), Numbers.number(in));
            case "UID" -> new SearchKey.Uid(Numbers.sequenceSet(in));
            case "NOT" -> new SearchKey.Not(key(depth + 1));
            case "OR" -> {
                SearchKey left = key(depth + 1);
                in.sp();
                yield new SearchKey.Or(left, key(depth + 1));
            }
            case "MODSEQ" -> modSequence();
            default -> throw new IllegalStateException("no parser for " + name);
        };
    }

    /**
     * {@code search-modsequence = "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer},
     * {@code search-modseq-ext = SP entry-name SP entry-type-req}, after {@code "MODSEQ" SP}.
     */
    private SearchKey modSequence() {
        if (in.peek() != '"') {
            return new SearchKey.ModSeq(Optional.empty(), Optional.empty(), Numbers.modSequenceOrZero(in));
        }
        String entry = Arguments.utf8(in.quoted(), "Bad MODSEQ entry name");
        if (!entry.regionMatches(true, 0, FLAGS_ENTRY, 0, FLAGS_ENTRY.length())
                || !isFlag(entry.substring(FLAGS_ENTRY.length()))) {
            throw SyntaxError.syntax("Bad MODSEQ entry name");
        }
        in.sp();
        SearchKey.EntryType type = EnumSets.find(SearchKey.EntryType.class, in.keyword())
                .orElseThrow(() -> SyntaxError.syntax("Bad MODSEQ entry type"));
        in.sp();
        return new SearchKey.ModSeq(Optional.of(entry.substring(FLAGS_ENTRY.length())), Optional.of(type),
                Numbers.modSequenceOrZero(in));
    }

    /** {@code attr-flag}: {@code "\" atom} or {@code atom}. */
    private static boolean isFlag(String text) {
        String atom = text.startsWith("\\") ? text.substring(1) : text;
        return !atom.isEmpty() && atom.chars().allMatch(Chars::isAtomChar);
    }

    private static SearchKey and(List<SearchKey> keys) {
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }
}
