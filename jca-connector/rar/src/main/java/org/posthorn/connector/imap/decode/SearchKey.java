package org.posthorn.connector.imap.decode;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code search-key} of RFC 3501 §9 and {@code search-modsequence} of RFC 7162 §3.1.5, as a tree:
 * keys side by side are an {@link And} (RFC 3501 §6.4.4: "multiple keys are the intersection"), OR and
 * NOT take whole keys, parentheses only group. String values are octets in the SEARCH's CHARSET.
 * {@code toString()} writes a key back in IMAP syntax, with every AND group parenthesised (strings by
 * {@link Octets#toString()}, so for logs only).
 */
public sealed interface SearchKey {

    /** The keys without argument. */
    enum Flag {
        ALL, ANSWERED, DELETED, DRAFT, FLAGGED, NEW, OLD, RECENT, SEEN,
        UNANSWERED, UNDELETED, UNDRAFT, UNFLAGGED, UNSEEN
    }

    /** The keys that match a string in a part of the message. */
    enum TextField {
        BCC, BODY, CC, FROM, SUBJECT, TEXT, TO
    }

    /** The keys that compare a date: internal date, or the Date header for the SENT* ones. */
    enum DateField {
        BEFORE, ON, SINCE, SENTBEFORE, SENTON, SENTSINCE
    }

    /** {@code entry-type-req} (RFC 7162 §3.1.5). */
    enum EntryType {
        PRIV, SHARED, ALL
    }

    /** {@code ALL}, {@code SEEN}, {@code UNDRAFT}... */
    record Simple(Flag flag) implements SearchKey {
        @Override
        public String toString() {
            return flag.name();
        }
    }

    /** {@code FROM "x"}, {@code BODY "x"}... */
    record Text(TextField field, Octets value) implements SearchKey {
        @Override
        public String toString() {
            return field.name() + " " + value;
        }
    }

    /** {@code HEADER header-fld-name astring}. */
    record Header(String name, Octets value) implements SearchKey {
        @Override
        public String toString() {
            return "HEADER " + name + " " + value;
        }
    }

    /** {@code KEYWORD flag-keyword} ({@code set}) or {@code UNKEYWORD flag-keyword}. */
    record Keyword(String keyword, boolean set) implements SearchKey {
        @Override
        public String toString() {
            return (set ? "KEYWORD " : "UNKEYWORD ") + keyword;
        }
    }

    /** {@code BEFORE date}, {@code SENTON date}... */
    record Date(DateField field, LocalDate date) implements SearchKey {
        @Override
        public String toString() {
            String month = ImapDates.MONTHS.get(date.getMonthValue() - 1);
            return field.name() + " " + date.getDayOfMonth() + "-" + month.charAt(0)
                    + month.substring(1).toLowerCase(Locale.ROOT) + "-" + String.format("%04d", date.getYear());
        }
    }

    /** {@code LARGER number} or {@code SMALLER number}. */
    record Size(boolean larger, long octets) implements SearchKey {
        @Override
        public String toString() {
            return (larger ? "LARGER " : "SMALLER ") + octets;
        }
    }

    /** A bare {@code sequence-set}: message sequence numbers. */
    record Sequence(SequenceSet set) implements SearchKey {
        @Override
        public String toString() {
            return set.toString();
        }
    }

    /** {@code UID sequence-set}. */
    record Uid(SequenceSet set) implements SearchKey {
        @Override
        public String toString() {
            return "UID " + set;
        }
    }

    /**
     * {@code MODSEQ [SP entry-name SP entry-type-req] SP mod-sequence-valzer} (RFC 7162 §3.1.5).
     *
     * @param flag  the flag of the entry name {@code "/flags/<flag>"}, when given, as sent
     * @param entry the entry type, present exactly when {@code flag} is
     */
    record ModSeq(Optional<String> flag, Optional<EntryType> entry, long modSequence) implements SearchKey {
        public ModSeq {
            if (flag.isPresent() != entry.isPresent()) {
                throw new IllegalArgumentException("entry name and type go together");
            }
        }

        @Override
        public String toString() {
            String name = flag.map(f -> "\"/flags/" + f.replace("\\", "\\\\") + "\" "
                    + entry.orElseThrow().name().toLowerCase(Locale.ROOT) + " ").orElse("");
            return "MODSEQ " + name + modSequence;
        }
    }

    /** {@code NOT search-key}. */
    record Not(SearchKey key) implements SearchKey {
        @Override
        public String toString() {
            return "NOT " + key;
        }
    }

    /** {@code OR search-key search-key}. */
    record Or(SearchKey left, SearchKey right) implements SearchKey {
        @Override
        public String toString() {
            return "OR " + left + " " + right;
        }
    }

    /** Two or more keys that must all match: side by side, or in parentheses. */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
            if (keys.size() < 2) {
                throw new IllegalArgumentException("AND of fewer than two keys");
            }
        }

        @Override
        public String toString() {
            return keys.stream().map(SearchKey::toString).collect(Collectors.joining(" ", "(", ")"));
        }
    }
}
