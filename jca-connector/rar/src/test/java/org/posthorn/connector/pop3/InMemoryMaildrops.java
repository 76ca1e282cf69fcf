package org.posthorn.connector.pop3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.pop3.MaildropEntry;
import org.posthorn.spi.pop3.MaildropListener;

/** An in-memory {@link MaildropListener} for the wire's tests; thread-safe, records every removal. */
public final class InMemoryMaildrops implements MaildropListener {

    /** One stored message. */
    public record Stored(long id, String uniqueId, byte[] content) {
    }

    /** How {@link #delete} answers. */
    public enum DeleteMode {
        REMOVE,
        REFUSE_TEMPORARILY,
        THROW
    }

    private final Map<String, List<Stored>> boxes = new ConcurrentHashMap<>();
    private final List<List<Long>> deleteCalls = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(100);
    private volatile DeleteMode deleteMode = DeleteMode.REMOVE;

    public InMemoryMaildrops add(String account, String uniqueId, String content) {
        return add(account, uniqueId, content.getBytes(StandardCharsets.UTF_8));
    }

    public InMemoryMaildrops add(String account, String uniqueId, byte[] content) {
        boxes.computeIfAbsent(account, a -> new CopyOnWriteArrayList<>())
                .add(new Stored(ids.incrementAndGet(), uniqueId, content));
        return this;
    }

    public void deleteMode(DeleteMode mode) {
        deleteMode = mode;
    }

    /** What the account's maildrop holds now. */
    public List<Stored> messages(String account) {
        return List.copyOf(boxes.getOrDefault(account, List.of()));
    }

    /** The id lists {@link #delete} was called with, in order. */
    public List<List<Long>> deleteCalls() {
        return List.copyOf(deleteCalls);
    }

    /** Removes a message behind the sessions' backs, as another client would. */
    public void removeNow(String account, long id) {
        boxes.getOrDefault(account, new ArrayList<>()).removeIf(s -> s.id() == id);
    }

    @Override
    public List<MaildropEntry> list(String account) {
        return messages(account).stream()
                .map(s -> new MaildropEntry(s.id(), s.content().length, s.uniqueId()))
                .toList();
    }

    @Override
    public Optional<MessageContent> retrieve(String account, long messageId) {
        return messages(account).stream()
                .filter(s -> s.id() == messageId)
                .findFirst()
                .map(s -> MessageContent.of(s.content()));
    }

    @Override
    public Optional<MailError> delete(String account, List<Long> messageIds) {
        deleteCalls.add(List.copyOf(messageIds));
        switch (deleteMode) {
            case REFUSE_TEMPORARILY:
                return Optional.of(MailError.TEMPORARY_FAILURE);
            case THROW:
                throw new IllegalStateException("simulated database failure");
            default:
                boxes.getOrDefault(account, new ArrayList<>()).removeIf(s -> messageIds.contains(s.id()));
                return Optional.empty();
        }
    }
}
