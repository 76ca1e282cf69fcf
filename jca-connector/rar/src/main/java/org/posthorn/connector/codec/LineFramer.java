package org.posthorn.connector.codec;

import io.netty.buffer.ByteBuf;

/**
 * Cuts CRLF-terminated lines of at most {@code maxLength} octets (terminator included) out of a byte
 * stream, for text protocols whose command lines have a fixed maximum (RFC 5321 §4.5.3.1.4: 512 octets
 * for an SMTP command line; RFC 1939 / RFC 2449: 255 for POP3).
 *
 * <p>Incremental: bytes may arrive in chunks of any size, split anywhere, even between CR and LF;
 * feeding one byte at a time yields the same lines as feeding everything at once. Memory is bounded:
 * a line that cannot fit is skipped up to its LF without being kept, and reported once as
 * {@link TooLong} when its end arrives, so the reply to it comes in its place in a pipelined batch.
 *
 * <p>Strict line ends: every LF ends a line, but only CRLF ends a well-formed one. A line ended by a
 * bare LF, or with a CR anywhere inside, is reported as {@link Malformed} and its content withheld:
 * a line some other parser might split differently is never executed (the command-line cousin of
 * SMTP smuggling). Knows nothing of any protocol.
 */
public final class LineFramer {

    /** One framed line, or why there is none. */
    public sealed interface Line permits Text, TooLong, Malformed {
    }

    /** A well-formed line: its octets without the CRLF. */
    public record Text(byte[] octets) implements Line {
    }

    /** A line longer than the maximum; its octets were discarded. */
    public record TooLong() implements Line {
    }

    /** A line ended by a bare LF or containing a bare CR; its octets were discarded. */
    public record Malformed() implements Line {
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final int maxLength;
    /** Inside a line that was already found too long: skip to its LF. */
    private boolean discarding;

    /** @param maxLength the longest line accepted, CRLF included; at least 2 */
    public LineFramer(int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must leave room for CRLF: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /**
     * Takes the next complete line from {@code in}, advancing its reader index past it.
     *
     * @return the line, or {@code null} when {@code in} holds no complete line yet (the incomplete rest
     *         stays in {@code in}, or is skipped if it is already too long)
     */
    public Line next(ByteBuf in) {
        int start = in.readerIndex();
        int lf = in.indexOf(start, in.writerIndex(), LF);
        if (discarding) {
            if (lf < 0) {
                in.skipBytes(in.readableBytes());
                return null;
            }
            in.readerIndex(lf + 1);
            discarding = false;
            return new TooLong();
        }
        if (lf < 0) {
            // Without its LF the line is already at least one octet longer than what is buffered.
            if (in.readableBytes() >= maxLength) {
                in.skipBytes(in.readableBytes());
                discarding = true;
            }
            return null;
        }
        int length = lf - start + 1;
        in.readerIndex(lf + 1);
        if (length > maxLength) {
            return new TooLong();
        }
        if (length < 2 || in.getByte(lf - 1) != CR || in.indexOf(start, lf - 1, CR) >= 0) {
            return new Malformed();
        }
        byte[] octets = new byte[length - 2];
        in.getBytes(start, octets);
        return new Text(octets);
    }
}
