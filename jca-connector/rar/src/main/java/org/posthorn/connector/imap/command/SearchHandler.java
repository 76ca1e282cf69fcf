package org.posthorn.connector.imap.command;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.Search;
import org.posthorn.connector.imap.decode.Search.ReturnOption;
import org.posthorn.connector.imap.encode.ImapStrings;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.SearchCriteria;

/**
 * SEARCH and UID SEARCH (RFC 3501 §6.4.4, §6.4.8) with CHARSET UTF-8 or US-ASCII (anything else is
 * {@code NO [BADCHARSET]}), the MODSEQ key of CONDSTORE (RFC 7162 §3.1.5) and ESEARCH's return options
 * (RFC 4731). Only messages the session has been told of are reported.
 */
final class SearchHandler {

    private final PostOffice postOffice;

    SearchHandler(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    Outcome search(Search command, ImapSession session) {
        String tag = command.tag();
        Optional<Charset> charset = charset(command.charset());
        if (charset.isEmpty()) {
            return Outcome.done(Responses.no(tag, "BADCHARSET (UTF-8 US-ASCII)", "Unsupported charset"));
        }
        if (command.returnOptions().contains(ReturnOption.SAVE)) {
            return new Outcome.Done(List.of(Responses.bad(tag, "SEARCHRES is not supported")), Outcome.After.BAD_COMMAND);
        }
        SelectedMailbox mailbox = session.mailbox();
        SearchTranslator translator = new SearchTranslator(mailbox, charset.get());
        Optional<SearchCriteria> criteria = translator.translate(command.key());
        if (criteria.isEmpty()) {
            return new Outcome.Done(List.of(Responses.bad(tag, "Invalid message set")), Outcome.After.BAD_COMMAND);
        }
        if (translator.modSeqUsed()) {
            session.enableCondstore();
        }
        String account = session.account();
        return new Outcome.Await<Result<List<Long>>>(postOffice.call(MailboxStoreListener.class,
                store -> store.search(account, mailbox.name(), criteria.get())),
                result -> {
                    if (result.error().isPresent()) {
                        return Outcome.done(Responses.refusal(tag, result.error().get()));
                    }
                    return Outcome.done(List.of(Responses.data(answer(command, mailbox, result.value(),
                            translator.modSeqUsed())), Responses.ok(tag, "Search completed")));
                },
                () -> Outcome.done(Responses.temporaryFailure(tag)));
    }

    private static Optional<Charset> charset(Optional<String> name) {
        String upper = name.map(n -> n.toUpperCase(Locale.ROOT)).orElse("US-ASCII");
        return switch (upper) {
            case "US-ASCII", "UTF-8" -> Optional.of(StandardCharsets.UTF_8);
            default -> Optional.empty();
        };
    }

    /** The untagged SEARCH or ESEARCH response for the matching UIDs. */
    private static String answer(Search command, SelectedMailbox mailbox, List<Long> matches, boolean modSeqUsed) {
        List<Long> numbers = new ArrayList<>(matches.size());
        long highestModSeq = 0;
        for (long uid : matches) {
            int sequence = mailbox.sequenceOf(uid);
            if (sequence > 0) {
                numbers.add(command.uid() ? uid : sequence);
                highestModSeq = Math.max(highestModSeq, mailbox.knownModSeq(uid));
            }
        }
        Set<ReturnOption> options = command.returnOptions();
        if (options.isEmpty()) {
            StringBuilder text = new StringBuilder("SEARCH");
            numbers.forEach(n -> text.append(' ').append(n));
            if (modSeqUsed && !numbers.isEmpty()) {
                text.append(" (MODSEQ ").append(highestModSeq).append(')');
            }
            return text.toString();
        }
        StringBuilder text = new StringBuilder("ESEARCH (TAG ").append(ImapStrings.string(command.tag())).append(')');
        if (command.uid()) {
            text.append(" UID");
        }
        if (!numbers.isEmpty()) {
            if (options.contains(ReturnOption.MIN)) {
                text.append(" MIN ").append(numbers.get(0));
            }
            if (options.contains(ReturnOption.MAX)) {
                text.append(" MAX ").append(numbers.get(numbers.size() - 1));
            }
            if (options.contains(ReturnOption.ALL)) {
                text.append(" ALL ").append(MessageSets.compact(numbers));
            }
        }
        if (options.contains(ReturnOption.COUNT)) {
            text.append(" COUNT ").append(numbers.size());
        }
        if (modSeqUsed && !numbers.isEmpty()) {
            text.append(" MODSEQ ").append(highestModSeq);
        }
        return text.toString();
    }
}
