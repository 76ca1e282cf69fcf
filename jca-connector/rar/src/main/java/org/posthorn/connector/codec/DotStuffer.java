package org.posthorn.connector.codec;

import io.netty.buffer.ByteBuf;

/**
 * Byte-stuffing of a multi-line body (RFC 1939 §3, the same rule as RFC 5321 §4.5.2): every line of
 * the body that begins with {@code "."} is sent with one more {@code "."} in front, and the body ends
 * with {@code "." CRLF} on a line of its own. Knows nothing of any protocol: it transforms bytes.
 *
 * <p>Incremental: the body may arrive in chunks of any size, split anywhere (even between CR and LF);
 * the stuffer remembers whether the next byte starts a line. A line starts at the beginning of the
 * body and after every LF. The stored messages this is meant for have CRLF line ends; a bare LF also
 * starts a line here, so that a client lenient about line ends can never mistake a body line for the
 * terminator.
 *
 * <p>{@link #finish} adds CRLF first when the body does not end with one, so the terminator is always
 * {@code CRLF "." CRLF}. One instance stuffs one body; not thread-safe.
 */
public final class DotStuffer {

    private static final byte DOT = '.';
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] CRLF = {CR, LF};
    private static final byte[] TERMINATOR = {DOT, CR, LF};

    private boolean atLineStart = true;
    private boolean lastWasCr;
    /** An empty body needs no CRLF before the terminator: RFC 1939 allows a response of zero lines. */
    private boolean endsWithCrlf = true;
    private boolean finished;

    /** The most octets {@link #stuff} can produce from {@code length} input octets, for sizing buffers. */
    public static int maxStuffedLength(int length) {
        // Worst case: every other byte is a dot starting a line (".\n.\n"), one dot per two bytes, plus one.
        return length + length / 2 + 1;
    }

    /**
     * Copies all readable bytes of {@code in} to {@code out}, doubling each dot that begins a line.
     *
     * @throws IllegalStateException after {@link #finish}
     */
    public void stuff(ByteBuf in, ByteBuf out) {
        if (finished) {
            throw new IllegalStateException("body already finished");
        }
        while (in.isReadable()) {
            int start = in.readerIndex();
            if (atLineStart && in.getByte(start) == DOT) {
                out.writeByte(DOT);
            }
            int lf = in.indexOf(start, in.writerIndex(), LF);
            int end = lf < 0 ? in.writerIndex() : lf + 1;
            byte last = in.getByte(end - 1);
            boolean crBeforeLast = end - start >= 2 ? in.getByte(end - 2) == CR : lastWasCr;
            endsWithCrlf = last == LF && crBeforeLast;
            lastWasCr = last == CR;
            out.writeBytes(in, end - start);
            atLineStart = lf >= 0;
        }
    }

    /**
     * Ends the body: CRLF if it did not end with one, then the terminator {@code "." CRLF}.
     *
     * @throws IllegalStateException if called twice
     */
    public void finish(ByteBuf out) {
        if (finished) {
            throw new IllegalStateException("body already finished");
        }
        finished = true;
        if (!endsWithCrlf) {
            out.writeBytes(CRLF);
        }
        out.writeBytes(TERMINATOR);
    }
}
