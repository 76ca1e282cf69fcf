package org.posthorn.systemtest.support;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The protocol trace of a Jakarta Mail session (its debug output), kept in memory line by line, so a
 * test can wait for something the client and server said (the {@code +} that starts IDLE) instead of
 * sleeping, and can show the conversation when an assertion fails.
 */
public final class ImapTrace {

    private final List<String> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final PrintStream stream = new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
            append(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            append(bytes, offset, length);
        }
    }, true, StandardCharsets.UTF_8);

    /** The stream to hand to {@code Session.setDebugOut}. */
    public PrintStream stream() {
        return stream;
    }

    private synchronized void append(byte[] bytes, int offset, int length) {
        partial.append(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            partial.delete(0, end + 1);
            notifyAll();
        }
    }

    /** The number of complete lines so far: a position to {@linkplain #await await} from. */
    public synchronized int mark() {
        return lines.size();
    }

    /**
     * Waits until a line at or after {@code from} matches {@code pattern} in full, and returns its index.
     *
     * @throws AssertionError naming the pattern and showing the trace if none came within {@code timeout}
     */
    public synchronized int await(int from, Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = from;
        while (true) {
            for (; next < lines.size(); next++) {
                if (pattern.matcher(lines.get(next)).matches()) {
                    return next;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no line matching /" + pattern + "/ within " + timeout + "; trace:\n" + tail(60));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The last {@code count} lines, for failure messages. */
    public synchronized String tail(int count) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
