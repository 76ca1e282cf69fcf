package org.posthorn.connector.imap.command;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.posthorn.connector.imap.decode.SearchKey;
import org.posthorn.spi.imap.SearchCriteria;
import org.posthorn.spi.imap.SearchCriteria.Comparison;
import org.posthorn.spi.imap.UidSet;

/**
 * Turns a SEARCH's keys (RFC 3501 §6.4.4) into the post office's criteria: sequence numbers, RECENT,
 * NEW and OLD become UID sets of the session's view; strings are decoded from the SEARCH's charset.
 * Empty when a sequence set goes beyond the last message or is SEARCHRES's {@code $}, which is not
 * offered.
 */
final class SearchTranslator {

    private final SelectedMailbox mailbox;
    private final Charset charset;
    /** A MODSEQ key was used: the response carries the highest MODSEQ (RFC 7162 §3.1.5). */
    private boolean modSeqUsed;

    SearchTranslator(SelectedMailbox mailbox, Charset charset) {
        this.mailbox = mailbox;
        this.charset = charset;
    }

    boolean modSeqUsed() {
        return modSeqUsed;
    }

    Optional<SearchCriteria> translate(SearchKey key) {
        if (key instanceof SearchKey.Simple simple) {
            return Optional.of(simple(simple.flag()));
        }
        if (key instanceof SearchKey.Text text) {
            String value = text.value().decode(charset);
            return Optional.of(switch (text.field()) {
                case BODY -> new SearchCriteria.BodyContains(value);
                case TEXT -> new SearchCriteria.TextContains(value);
                default -> new SearchCriteria.HeaderContains(capitalised(text.field().name()), value);
            });
        }
        if (key instanceof SearchKey.Header header) {
            return Optional.of(new SearchCriteria.HeaderContains(header.name(), header.value().decode(charset)));
        }
        if (key instanceof SearchKey.Keyword keyword) {
            SearchCriteria has = new SearchCriteria.HasFlag(keyword.keyword());
            return Optional.of(keyword.set() ? has : new SearchCriteria.Not(has));
        }
        if (key instanceof SearchKey.Date date) {
            return Optional.of(date(date));
        }
        if (key instanceof SearchKey.Size size) {
            return Optional.of(new SearchCriteria.Size(size.larger(), size.octets()));
        }
        if (key instanceof SearchKey.Sequence sequence) {
            return MessageSets.resolve(mailbox, sequence.set(), false).map(SearchCriteria.Uids::new);
        }
        if (key instanceof SearchKey.Uid uid) {
            return MessageSets.resolve(mailbox, uid.set(), true).map(SearchCriteria.Uids::new);
        }
        if (key instanceof SearchKey.ModSeq modSeq) {
            modSeqUsed = true;
            // Flags have no MODSEQs of their own here: the message's MODSEQ stands for all (RFC 7162 §3.1.5 allows it).
            return Optional.of(new SearchCriteria.ModSeqAtLeast(modSeq.modSequence()));
        }
        if (key instanceof SearchKey.Not not) {
            return translate(not.key()).map(SearchCriteria.Not::new);
        }
        if (key instanceof SearchKey.Or or) {
            Optional<SearchCriteria> left = translate(or.left());
            Optional<SearchCriteria> right = translate(or.right());
            return left.isPresent() && right.isPresent() ? Optional.of(new SearchCriteria.Or(left.get(), right.get()))
                    : Optional.empty();
        }
        List<SearchCriteria> all = new ArrayList<>();
        for (SearchKey part : ((SearchKey.And) key).keys()) {
            Optional<SearchCriteria> translated = translate(part);
            if (translated.isEmpty()) {
                return Optional.empty();
            }
            all.add(translated.get());
        }
        return Optional.of(new SearchCriteria.And(all));
    }

    private SearchCriteria simple(SearchKey.Flag flag) {
        return switch (flag) {
            case ALL -> new SearchCriteria.All();
            case ANSWERED -> has("\\Answered");
            case DELETED -> has("\\Deleted");
            case DRAFT -> has("\\Draft");
            case FLAGGED -> has("\\Flagged");
            case SEEN -> has("\\Seen");
            case UNANSWERED -> not(has("\\Answered"));
            case UNDELETED -> not(has("\\Deleted"));
            case UNDRAFT -> not(has("\\Draft"));
            case UNFLAGGED -> not(has("\\Flagged"));
            case UNSEEN -> not(has("\\Seen"));
            case RECENT -> recent();
            case NEW -> new SearchCriteria.And(List.of(recent(), not(has("\\Seen"))));
            case OLD -> not(recent());
        };
    }

    private SearchCriteria recent() {
        UidSet recent = mailbox.recentUids();
        // An empty UID set matches nothing, which is what RECENT means in a mailbox without recent messages.
        return new SearchCriteria.Uids(recent);
    }

    private static SearchCriteria has(String flag) {
        return new SearchCriteria.HasFlag(flag);
    }

    private static SearchCriteria not(SearchCriteria criterion) {
        return new SearchCriteria.Not(criterion);
    }

    private static SearchCriteria date(SearchKey.Date date) {
        return switch (date.field()) {
            case BEFORE -> new SearchCriteria.InternalDate(Comparison.BEFORE, date.date());
            case ON -> new SearchCriteria.InternalDate(Comparison.ON, date.date());
            case SINCE -> new SearchCriteria.InternalDate(Comparison.SINCE, date.date());
            case SENTBEFORE -> new SearchCriteria.SentDate(Comparison.BEFORE, date.date());
            case SENTON -> new SearchCriteria.SentDate(Comparison.ON, date.date());
            case SENTSINCE -> new SearchCriteria.SentDate(Comparison.SINCE, date.date());
        };
    }

    /** FROM → From: the header field the key searches. */
    private static String capitalised(String field) {
        return field.charAt(0) + field.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
