package org.posthorn.spi.imap;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A SEARCH (RFC 3501 §6.4.4) as a tree of criteria the post office evaluates, after the wire has
 * turned sequence numbers, {@code \Recent}, NEW and OLD into UID sets. Text matches are
 * case-insensitive substring matches on the decoded text (RFC 2047 in headers, the transfer encoding
 * of text parts for BODY and TEXT); dates compare calendar days, disregarding time and zone.
 */
public sealed interface SearchCriteria {

    /** Every message. */
    record All() implements SearchCriteria {
    }

    /** Every criterion holds (juxtaposition in IMAP). */
    record And(List<SearchCriteria> all) implements SearchCriteria {
        public And {
            all = List.copyOf(all);
        }
    }

    /** At least one of the two holds. */
    record Or(SearchCriteria left, SearchCriteria right) implements SearchCriteria {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Not(SearchCriteria criterion) implements SearchCriteria {
        public Not {
            Objects.requireNonNull(criterion, "criterion");
        }
    }

    /** The message's UID is in the set. */
    record Uids(UidSet uids) implements SearchCriteria {
        public Uids {
            Objects.requireNonNull(uids, "uids");
        }
    }

    /** The message has the system flag ({@code \Seen}, ...) or keyword; use {@link Not} for UNSEEN etc. */
    record HasFlag(String flag) implements SearchCriteria {
        public HasFlag {
            Objects.requireNonNull(flag, "flag");
        }
    }

    /**
     * A header field contains the text: FROM, TO, CC, BCC, SUBJECT, HEADER. An empty text matches every
     * message that has the field (RFC 3501 HEADER).
     */
    record HeaderContains(String field, String text) implements SearchCriteria {
        public HeaderContains {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The body (after the header) contains the text: BODY. */
    record BodyContains(String text) implements SearchCriteria {
        public BodyContains {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The header or the body contains the text: TEXT. */
    record TextContains(String text) implements SearchCriteria {
        public TextContains {
            Objects.requireNonNull(text, "text");
        }
    }

    /** How a date criterion compares the message's day with the given one. */
    enum Comparison { BEFORE, ON, SINCE }

    /** The internal date: BEFORE, ON, SINCE. */
    record InternalDate(Comparison comparison, LocalDate date) implements SearchCriteria {
        public InternalDate {
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(date, "date");
        }
    }

    /** The Date: header: SENTBEFORE, SENTON, SENTSINCE. Messages without a parsable Date: never match. */
    record SentDate(Comparison comparison, LocalDate date) implements SearchCriteria {
        public SentDate {
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(date, "date");
        }
    }

    /** RFC822.SIZE larger than (LARGER) or smaller than (SMALLER) the given octets. */
    record Size(boolean larger, long octets) implements SearchCriteria {
    }

    /** RFC 7162 §3.1.5 MODSEQ: the message's MODSEQ is at least this. */
    record ModSeqAtLeast(long modSeq) implements SearchCriteria {
    }
}
