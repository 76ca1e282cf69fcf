package org.posthorn.connector.smtp.decode;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the octets of one incoming message go while it is read: in memory up to {@code memoryLimit},
 * in chunks that grow from 8 KiB to 64 KiB (growing never copies, a small message costs little);
 * beyond that in a file of the spool directory, so that many large messages arriving at once cost disk,
 * not heap. The file goes when the message is {@linkplain SpooledMessage#discard() discarded}, and
 * files a crash left behind are removed at start ({@link #deleteLeftovers}). Confined to one event loop
 * while written; the file is written through a buffer, so the event loop only meets the page cache.
 */
public final class MessageSpool extends OutputStream {

    private static final int FIRST_CHUNK = 8 * 1024;
    private static final int MAX_CHUNK = 64 * 1024;
    private static final String PREFIX = "smtp-";
    private static final String SUFFIX = ".spool";

    private final long memoryLimit;
    private final Path directory;

    /** Every chunk but the last is full. */
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] last;
    private int lastUsed;
    private long size;

    private Path file;
    private OutputStream fileOut;

    /**
     * @param memoryLimit octets kept in memory before the message moves to a file
     * @param directory   where spool files are made (created when first needed)
     */
    public MessageSpool(long memoryLimit, Path directory) {
        this.memoryLimit = memoryLimit;
        this.directory = directory;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (fileOut == null && size + length > memoryLimit) {
            moveToFile();
        }
        if (fileOut != null) {
            fileOut.write(bytes, offset, length);
            size += length;
            return;
        }
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

    /**
     * The octets written so far; the spool must not be written to afterwards.
     *
     * @throws IOException if the spool file cannot be completed
     */
    public SpooledMessage content() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            return new FileMessage(file, size);
        }
        return new MemoryMessage(List.copyOf(chunks), lastUsed, size);
    }

    /** Gives up what was written (the connection went away in the middle of DATA). */
    public void discard() {
        chunks.clear();
        last = null;
        if (fileOut != null) {
            try {
                fileOut.close();
            } catch (IOException e) {
                // The file is deleted next; a failed close loses nothing.
            }
            FileMessage.delete(file);
        }
    }

    /** Removes spool files a previous run left behind (it crashed while messages were being received). */
    public static void deleteLeftovers(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            files.forEach(FileMessage::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean spool directory " + directory, e);
        }
    }

    private void moveToFile() throws IOException {
        Files.createDirectories(directory);
        file = Files.createTempFile(directory, PREFIX, SUFFIX);
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), MAX_CHUNK);
        for (int i = 0; i < chunks.size(); i++) {
            fileOut.write(chunks.get(i), 0, i == chunks.size() - 1 ? lastUsed : chunks.get(i).length);
        }
        chunks.clear();
        last = null;
    }

    private void room() {
        if (last == null || lastUsed == last.length) {
            last = new byte[(int) Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, size))];
            chunks.add(last);
            lastUsed = 0;
        }
    }

    private record MemoryMessage(List<byte[]> parts, int lastLength, long size) implements SpooledMessage {

        @Override
        public InputStream openStream() {
            List<InputStream> streams = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                byte[] part = parts.get(i);
                streams.add(new ByteArrayInputStream(part, 0, i == parts.size() - 1 ? lastLength : part.length));
            }
            return new SequenceInputStream(Collections.enumeration(streams));
        }

        @Override
        public void discard() {
            // Garbage collection does it.
        }
    }

    private record FileMessage(Path file, long size) implements SpooledMessage {

        @Override
        public InputStream openStream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void discard() {
            delete(file);
        }

        static void delete(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete spool file " + file, e);
            }
        }
    }
}
