package org.posthorn.connector.codec;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Reads a dot-terminated body (RFC 5321 §4.5.2 "transparency", §4.1.1.4; the same rule as RFC 1939
 * §3): removes the leading dot that the sender doubled on every line starting with one, finds the end
 * of the body, and writes the body to a sink with its CRLF line ends and without the terminator.
 *
 * <p><b>The end is {@code CRLF "." CRLF} and nothing else.</b> The body starts as if a CRLF had just
 * been read (the client sent one before it, ending the command that opened the body), so a body that
 * is only {@code "." CRLF} is empty. A bare LF or a bare CR (one not part of a CRLF pair) never starts
 * a line here: {@code LF "." LF}, {@code CR "." CR}, {@code LF "." CRLF}, {@code CRLF "." LF} and the
 * like are body content. They are reported ({@link Report#bareLineEnds()}) so that the caller can
 * refuse the whole body: a receiver that kept them would hand a sloppier parser downstream the very
 * bytes of the 2023 "SMTP smuggling" attacks (see {@code org.posthorn.connector.smtp.decode}).
 *
 * <p>Limits without unbounded buffering: at most {@code maxSize} octets reach the sink, the rest is
 * only counted ({@link Report#tooBig()}); a line longer than {@code maxLineLength} octets including
 * its CRLF, not counting a transparency dot (RFC 5321 §4.5.3.1.6), is noted. Either way the body is
 * read to its end, so the caller can answer it and the stream stays in step.
 *
 * <p>Incremental: chunks of any size, split anywhere, give the same result. One instance reads one
 * body; not thread-safe. Knows nothing of any protocol.
 */
public final class DotUnstuffer {

    /**
     * What was read.
     *
     * @param size          the octets of the unstuffed body, CRLFs included, also those past the limit
     * @param tooBig        {@code size} exceeded {@code maxSize}; only the first {@code maxSize} octets were written
     * @param bareLineEnds  the body contains a CR or LF that is not part of a CRLF pair
     * @param lineTooLong   the body has a line longer than {@code maxLineLength}
     * @param sinkFailure   the sink threw; nothing was written after it
     */
    public record Report(long size, boolean tooBig, boolean bareLineEnds, boolean lineTooLong,
                         Optional<IOException> sinkFailure) {

        /** Whether nothing stands in the way of handing the message on. */
        public boolean isAcceptable() {
            return !tooBig && !bareLineEnds && !lineTooLong && sinkFailure.isEmpty();
        }
    }

    private enum State {
        /** After a CRLF (or at the start): a dot here is transparency or the terminator. */
        LINE_START,
        MID_LINE,
        /** After a CR that may begin a CRLF; the CR was written already. */
        CR,
        /** After a dot at a line start, which is not written. */
        DOT,
        /** After {@code "." CR} at a line start; neither is written yet. */
        DOT_CR
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte DOT = '.';

    private final OutputStream sink;
    private final long maxSize;
    private final int maxLineLength;

    private State state = State.LINE_START;
    private boolean ended;
    private long size;
    private long written;
    private long lineLength;
    private boolean bareLineEnds;
    private boolean lineTooLong;
    private IOException sinkFailure;

    /** Index in the current buffer where the run of octets still to be written starts. */
    private int runStart;

    public DotUnstuffer(OutputStream sink, long maxSize, int maxLineLength) {
        this.sink = sink;
        this.maxSize = maxSize;
        this.maxLineLength = maxLineLength;
    }

    /**
     * Consumes octets of {@code in} up to and including the terminator, or all of them if the
     * terminator has not arrived; octets after the terminator stay in {@code in}.
     *
     * @return whether the terminator has been read
     */
    public boolean decode(ByteBuf in) {
        if (ended) {
            return true;
        }
        int end = in.writerIndex();
        int i = in.readerIndex();
        runStart = i;
        while (i < end && !ended) {
            step(in, i, in.getByte(i));
            i++;
        }
        flushRun(in, i);
        in.readerIndex(i);
        return ended;
    }

    /** The result so far; final once {@link #decode} returned {@code true}. */
    public Report report() {
        return new Report(size, size > maxSize, bareLineEnds, lineTooLong, Optional.ofNullable(sinkFailure));
    }

    private void step(ByteBuf in, int index, byte b) {
        switch (state) {
            case LINE_START -> {
                if (b == DOT) {
                    skip(in, index);
                    state = State.DOT;
                } else {
                    midLine(b);
                }
            }
            case MID_LINE -> midLine(b);
            case CR -> {
                if (b == LF) {
                    emitted();
                    lineLength = 0;
                    state = State.LINE_START;
                } else {
                    bareLineEnds = true;
                    midLine(b);
                }
            }
            case DOT -> {
                if (b == CR) {
                    skip(in, index);
                    state = State.DOT_CR;
                } else {
                    // "If the first character is a period and there are other characters on the line,
                    // the first character is deleted." (RFC 5321 §4.5.2) It was.
                    midLine(b);
                }
            }
            case DOT_CR -> {
                if (b == LF) {
                    skip(in, index);
                    ended = true;
                } else {
                    // ".<CR>x": the dot was transparency, the CR a bare one, which is content.
                    flushRun(in, index);
                    writeOne(CR);
                    runStart = index;
                    bareLineEnds = true;
                    midLine(b);
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void midLine(byte b) {
        emitted();
        if (b == CR) {
            state = State.CR;
        } else {
            if (b == LF) {
                bareLineEnds = true;
            }
            state = State.MID_LINE;
        }
    }

    /** Counts one octet that is part of the body (it is written with its run). */
    private void emitted() {
        size++;
        lineLength++;
        checkLine();
    }

    private void checkLine() {
        if (lineLength > maxLineLength) {
            lineTooLong = true;
        }
    }

    /** Leaves out the octet at {@code index}: writes the run before it and starts a new one after it. */
    private void skip(ByteBuf in, int index) {
        flushRun(in, index);
        runStart = index + 1;
    }

    private void flushRun(ByteBuf in, int endExclusive) {
        int length = endExclusive - runStart;
        if (length <= 0) {
            return;
        }
        int allowed = (int) Math.min(length, Math.max(0, maxSize - written));
        if (allowed > 0 && sinkFailure == null) {
            try {
                in.getBytes(runStart, sink, allowed);
                written += allowed;
            } catch (IOException e) {
                sinkFailure = e;
            }
        }
        runStart = endExclusive;
    }

    private void writeOne(byte b) {
        size++;
        lineLength++;
        checkLine();
        if (written < maxSize && sinkFailure == null) {
            try {
                sink.write(b);
                written++;
            } catch (IOException e) {
                sinkFailure = e;
            }
        }
    }
}
