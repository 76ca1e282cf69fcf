package org.posthorn.connector.smtp.decode;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.posthorn.spi.MessageContent;

/**
 * Where the octets of one incoming message go while it is read: in memory, in chunks that grow from
 * 8 KiB to 64 KiB, so that growing never copies what is already there, a small message costs little,
 * and {@link #content()} copies nothing. The decoder only needs an
 * {@link OutputStream} and a {@link MessageContent} at the end, so a spool to disk can replace this
 * class without touching anything else. Confined to one event loop.
 */
public final class MessageSpool extends OutputStream {

    private static final int FIRST_CHUNK = 8 * 1024;
    private static final int MAX_CHUNK = 64 * 1024;

    /** Every chunk but the last is full. */
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] last;
    private int lastUsed;
    private long size;

    @Override
    public void write(int b) {
        room();
        last[lastUsed++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            room();
            int n = Math.min(length, last.length - lastUsed);
            System.arraycopy(bytes, offset, last, lastUsed, n);
            lastUsed += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    /** The octets written so far; the spool must not be written to afterwards. */
    public MessageContent content() {
        List<byte[]> parts = List.copyOf(chunks);
        int lastLength = lastUsed;
        long total = size;
        return new MessageContent() {
            @Override
            public long size() {
                return total;
            }

            @Override
            public InputStream openStream() {
                List<InputStream> streams = new ArrayList<>(parts.size());
                for (int i = 0; i < parts.size(); i++) {
                    byte[] part = parts.get(i);
                    streams.add(new ByteArrayInputStream(part, 0, i == parts.size() - 1 ? lastLength : part.length));
                }
                return new SequenceInputStream(Collections.enumeration(streams));
            }
        };
    }

    private void room() {
        if (last == null || lastUsed == last.length) {
            last = new byte[(int) Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, size))];
            chunks.add(last);
            lastUsed = 0;
        }
    }
}
