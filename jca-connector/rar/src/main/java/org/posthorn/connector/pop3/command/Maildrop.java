package org.posthorn.connector.pop3.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.posthorn.spi.pop3.MaildropEntry;

/**
 * A session's snapshot of its maildrop, numbered 1..n as listed when the session entered
 * TRANSACTION (RFC 1939 §5), with the messages marked deleted. Marked messages are invisible to
 * every command but RSET and are removed only in the UPDATE state.
 */
public final class Maildrop {

    /** A message with its number in this session. */
    public record Numbered(int number, MaildropEntry entry) {
    }

    private final List<MaildropEntry> entries;
    private final boolean[] deleted;

    public Maildrop(List<MaildropEntry> entries) {
        this.entries = List.copyOf(entries);
        this.deleted = new boolean[this.entries.size()];
    }

    /** The message numbered {@code number}, unless there is none or it is marked deleted. */
    public Optional<MaildropEntry> find(long number) {
        return exists(number) && !deleted[(int) number - 1] ? Optional.of(entries.get((int) number - 1)) : Optional.empty();
    }

    /** Whether {@code number} names a message of the snapshot that is marked deleted. */
    public boolean isDeleted(long number) {
        return exists(number) && deleted[(int) number - 1];
    }

    /** Marks a visible message deleted; false if there is none such. */
    public boolean markDeleted(long number) {
        if (find(number).isEmpty()) {
            return false;
        }
        deleted[(int) number - 1] = true;
        return true;
    }

    /** Unmarks every message (RFC 1939 §5 RSET). */
    public void reset() {
        Arrays.fill(deleted, false);
    }

    /** The messages not marked deleted, in order. */
    public List<Numbered> visible() {
        List<Numbered> visible = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!deleted[i]) {
                visible.add(new Numbered(i + 1, entries.get(i)));
            }
        }
        return visible;
    }

    public int visibleCount() {
        return visible().size();
    }

    public long visibleOctets() {
        return visible().stream().mapToLong(n -> n.entry().size()).sum();
    }

    /** The post office's ids of the marked messages, for the UPDATE state; an immutable list. */
    public List<Long> deletedIds() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (deleted[i]) {
                ids.add(entries.get(i).messageId());
            }
        }
        return List.copyOf(ids);
    }

    private boolean exists(long number) {
        return number >= 1 && number <= entries.size();
    }
}
