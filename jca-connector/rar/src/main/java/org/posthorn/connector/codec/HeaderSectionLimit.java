package org.posthorn.connector.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Measures the header section of a message on its way to a sink: the octets before the first empty
 * line (RFC 5322 §2.1), line ends included. Once more than {@code maxOctets} of header have passed,
 * {@link #exceeded()} holds and nothing more reaches the sink, since the message will be refused
 * anyway: a client cannot make the server keep header octets beyond the limit.
 *
 * <p>A line end is CRLF or a bare LF (a bare one is refused elsewhere, or accepted by IMAP APPEND):
 * either way the first empty line ends the header section, and after it the octets pass through
 * unexamined. The only rule of mail syntax in this package; it works on octets in chunks split
 * anywhere, like the rest. One instance measures one message; not thread-safe.
 */
public final class HeaderSectionLimit extends OutputStream {

    private final OutputStream sink;
    private final long maxOctets;
    private long headerOctets;
    /** Octets of the current line before its LF, a CR included. */
    private long lineOctets;
    private boolean lastWasCr;
    private boolean headerEnded;
    private boolean exceeded;

    public HeaderSectionLimit(OutputStream sink, long maxOctets) {
        if (maxOctets < 0) {
            throw new IllegalArgumentException("negative header limit: " + maxOctets);
        }
        this.sink = sink;
        this.maxOctets = maxOctets;
    }

    /**
     * Whether the header section of {@code message} is longer than {@code maxOctets}; reads no more of
     * the stream than the header section, and at most {@code maxOctets} + 1 octets of it.
     */
    public static boolean exceeds(InputStream message, long maxOctets) throws IOException {
        HeaderSectionLimit limit = new HeaderSectionLimit(OutputStream.nullOutputStream(), maxOctets);
        byte[] chunk = new byte[8 * 1024];
        for (int n; !limit.headerEnded && !limit.exceeded && (n = message.read(chunk)) != -1; ) {
            limit.write(chunk, 0, n);
        }
        return limit.exceeded;
    }

    /** Whether the header section has been longer than the limit; then the sink got only part of the message. */
    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] octets, int offset, int length) throws IOException {
        if (exceeded) {
            return;
        }
        if (headerEnded) {
            sink.write(octets, offset, length);
            return;
        }
        int end = offset + length;
        int i = offset;
        while (i < end && !headerEnded) {
            measure(octets[i]);
            i++;
            if (exceeded) {
                return;
            }
        }
        sink.write(octets, offset, end - offset);
    }

    @Override
    public void flush() throws IOException {
        sink.flush();
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }

    private void measure(byte b) {
        if (b == '\n') {
            boolean emptyLine = lineOctets == 0 || lineOctets == 1 && lastWasCr;
            if (emptyLine) {
                headerEnded = true;
                return;
            }
            headerOctets += lineOctets + 1;
            lineOctets = 0;
        } else {
            lineOctets++;
        }
        lastWasCr = b == '\r';
        // A CR alone may begin the empty line that ends the header: it counts once its line goes on.
        long lineSoFar = lineOctets == 1 && lastWasCr ? 0 : lineOctets;
        if (headerOctets + lineSoFar > maxOctets) {
            exceeded = true;
        }
    }
}
