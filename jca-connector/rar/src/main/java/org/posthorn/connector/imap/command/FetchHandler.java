package org.posthorn.connector.imap.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.Fetch;
import org.posthorn.connector.imap.decode.FetchAttribute;
import org.posthorn.connector.imap.decode.FetchAttribute.Item;
import org.posthorn.connector.imap.encode.FetchItem;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.connector.imap.encode.SectionReader;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.FetchScope;
import org.posthorn.spi.imap.FlagUpdate;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.MessageView;
import org.posthorn.spi.imap.UidSet;

/**
 * FETCH and UID FETCH (RFC 3501 §6.4.5, §6.4.8; CHANGEDSINCE of RFC 7162 §3.1.4). The messages go out in
 * batches, each written before the next is loaded, so a FETCH of a large mailbox holds one batch in
 * memory: message bodies are planned by size from a first look at the messages' sizes.
 */
final class FetchHandler {

    /** Messages per batch when no bodies are loaded. */
    static final int SUMMARY_BATCH = 500;
    /** Octets of message bodies per batch (at least one message). */
    static final long CONTENT_BATCH_OCTETS = 2L * 1024 * 1024;

    private final PostOffice postOffice;

    FetchHandler(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    Outcome fetch(Fetch command, ImapSession session) {
        SelectedMailbox mailbox = session.mailbox();
        Optional<UidSet> set = MessageSets.resolve(mailbox, command.set(), command.uid());
        if (set.isEmpty()) {
            return new Outcome.Done(List.of(Responses.bad(command.tag(), "Invalid message set")), Outcome.After.BAD_COMMAND);
        }
        if (command.changedSince().isPresent() || command.attributes().contains(new FetchAttribute.Simple(Item.MODSEQ))) {
            session.enableCondstore();
        }
        FetchPlan plan = FetchPlan.of(command.attributes(), command.uid(), session.condstore(), mailbox.readOnly());
        List<Long> uids = MessageSets.known(mailbox, set.get());
        if (uids.isEmpty()) {
            return Outcome.done(Responses.ok(command.tag(), "Fetch completed"));
        }
        String account = session.account();
        // An Await starts its call when it is made: the fetch is made only once \Seen is stored.
        Supplier<Outcome> fetching = () -> plan.scope().content()
                ? sized(command, session, plan, uids)
                : batches(command, session, plan, batchesOf(uids, SUMMARY_BATCH), 0);
        if (!plan.setsSeen()) {
            return fetching.get();
        }
        FlagUpdate seen = new FlagUpdate(FlagUpdate.Mode.ADD, Set.of(FlagNames.SEEN), OptionalLong.empty());
        UidSet all = MessageSets.of(uids);
        return new Outcome.Await<>(postOffice.call(MailboxStoreListener.class,
                store -> store.store(account, mailbox.name(), all, seen)),
                stored -> fetching.get(),
                () -> Outcome.done(Responses.temporaryFailure(command.tag())));
    }

    /** Looks at the sizes first, then loads bodies in batches of about {@link #CONTENT_BATCH_OCTETS}. */
    private Outcome sized(Fetch command, ImapSession session, FetchPlan plan, List<Long> uids) {
        String account = session.account();
        String name = session.mailbox().name();
        FetchScope sizes = new FetchScope(true, false, false, false);
        return new Outcome.Await<Result<List<MessageView>>>(postOffice.call(MailboxStoreListener.class,
                store -> store.fetch(account, name, MessageSets.of(uids), sizes, command.changedSince())),
                result -> {
                    if (result.error().isPresent()) {
                        return Outcome.done(Responses.refusal(command.tag(), result.error().get()));
                    }
                    List<List<Long>> batches = new ArrayList<>();
                    List<Long> batch = new ArrayList<>();
                    long octets = 0;
                    for (MessageView view : result.value()) {
                        long size = view.size().orElse(0L);
                        if (!batch.isEmpty() && octets + size > CONTENT_BATCH_OCTETS) {
                            batches.add(batch);
                            batch = new ArrayList<>();
                            octets = 0;
                        }
                        batch.add(view.state().uid());
                        octets += size;
                    }
                    if (!batch.isEmpty()) {
                        batches.add(batch);
                    }
                    return batches(command, session, plan, batches, 0);
                },
                () -> Outcome.done(Responses.temporaryFailure(command.tag())));
    }

    private static List<List<Long>> batchesOf(List<Long> uids, int size) {
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < uids.size(); from += size) {
            batches.add(uids.subList(from, Math.min(uids.size(), from + size)));
        }
        return batches;
    }

    private Outcome batches(Fetch command, ImapSession session, FetchPlan plan, List<List<Long>> batches, int next) {
        if (next == batches.size()) {
            return Outcome.done(Responses.ok(command.tag(), "Fetch completed"));
        }
        String account = session.account();
        SelectedMailbox mailbox = session.mailbox();
        UidSet batch = MessageSets.of(batches.get(next));
        return new Outcome.Await<Result<List<MessageView>>>(postOffice.call(MailboxStoreListener.class,
                store -> store.fetch(account, mailbox.name(), batch, plan.scope(), command.changedSince())),
                result -> {
                    if (result.error().isPresent()) {
                        return Outcome.done(Responses.refusal(command.tag(), result.error().get()));
                    }
                    List<ImapResponse> responses = new ArrayList<>(result.value().size());
                    for (MessageView view : result.value()) {
                        int sequence = mailbox.sequenceOf(view.state().uid());
                        if (sequence > 0) {
                            responses.add(new ImapResponse.FetchData(sequence, items(plan, mailbox, view)));
                            if (plan.reportsFlags()) {
                                mailbox.reported(view.state());
                            }
                        }
                    }
                    return new Outcome.Send(responses, batches(command, session, plan, batches, next + 1));
                },
                () -> Outcome.done(Responses.temporaryFailure(command.tag())));
    }

    private static List<FetchItem> items(FetchPlan plan, SelectedMailbox mailbox, MessageView view) {
        byte[] message = view.content().map(FetchHandler::bytes).orElse(null);
        List<FetchItem> items = new ArrayList<>(plan.attributes().size());
        for (FetchAttribute attribute : plan.attributes()) {
            if (attribute instanceof FetchAttribute.BodySection section) {
                items.add(section(section, message, view));
                continue;
            }
            Item item = ((FetchAttribute.Simple) attribute).item();
            items.add(switch (item) {
                case FLAGS -> FlagNames.item(view.state(), mailbox.isRecent(view.state().uid()));
                case UID -> new FetchItem.Uid(view.state().uid());
                case MODSEQ -> new FetchItem.ModSeq(view.state().modSeq());
                case INTERNALDATE -> new FetchItem.InternalDate(view.internalDate().orElseThrow());
                case RFC822_SIZE -> new FetchItem.Size(view.size().orElseThrow());
                case ENVELOPE -> new FetchItem.EnvelopeItem(view.envelope().orElseThrow());
                case BODY -> new FetchItem.Structure(view.bodyStructure().orElseThrow(), false);
                case BODYSTRUCTURE -> new FetchItem.Structure(view.bodyStructure().orElseThrow(), true);
                case RFC822 -> new FetchItem.Body("RFC822", Optional.of(message));
                case RFC822_HEADER -> new FetchItem.Body("RFC822.HEADER", read(message, view, header()));
                case RFC822_TEXT -> new FetchItem.Body("RFC822.TEXT", read(message, view, text()));
            });
        }
        return items;
    }

    private static FetchItem section(FetchAttribute.BodySection attribute, byte[] message, MessageView view) {
        Optional<byte[]> octets = attribute.section().part().isEmpty() && attribute.section().text() == FetchAttribute.Text.ALL
                ? Optional.of(message)
                : read(message, view, attribute.section());
        String name = "BODY" + attribute.section()
                + attribute.partial().map(p -> "<" + p.offset() + ">").orElse("");
        if (attribute.partial().isPresent()) {
            octets = octets.map(o -> SectionReader.partial(o, attribute.partial().get()));
        }
        return new FetchItem.Body(name, octets);
    }

    private static Optional<byte[]> read(byte[] message, MessageView view, FetchAttribute.Section section) {
        return SectionReader.read(message, view.bodyStructure().orElseThrow(), section);
    }

    private static FetchAttribute.Section header() {
        return new FetchAttribute.Section(List.of(), FetchAttribute.Text.HEADER, List.of());
    }

    private static FetchAttribute.Section text() {
        return new FetchAttribute.Section(List.of(), FetchAttribute.Text.TEXT, List.of());
    }

    private static byte[] bytes(org.posthorn.spi.MessageContent content) {
        try {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
