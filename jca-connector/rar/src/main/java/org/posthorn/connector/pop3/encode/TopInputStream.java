package org.posthorn.connector.pop3.encode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The part of a message that {@code TOP msg n} sends (RFC 1939 §7): the header, the blank line that
 * separates it from the body, and the first {@code n} lines of the body, byte-exact. Reads from the
 * whole message and ends early; a message without a body (no blank line) comes through whole.
 *
 * <p>A line ends with LF; the blank line is one with nothing but an optional CR before the LF
 * (RFC 5322 §2.1).
 */
final class TopInputStream extends FilterInputStream {

    private boolean inHeader = true;
    private boolean lineHasContent;
    private long bodyLinesLeft;
    private boolean done;

    /**
     * @param message   the whole message
     * @param bodyLines how many lines of the body to pass, zero or more
     */
    TopInputStream(InputStream message, long bodyLines) {
        super(message);
        if (bodyLines < 0) {
            throw new IllegalArgumentException("negative line count");
        }
        this.bodyLinesLeft = bodyLines;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            done = true;
            return -1;
        }
        for (int i = off; i < off + n; i++) {
            if (passed(b[i])) {
                done = true;
                return i - off + 1;
            }
        }
        return n;
    }

    /** Accounts for one byte; true if it is the last one to pass. */
    private boolean passed(byte b) {
        if (b != '\n') {
            if (b != '\r') {
                lineHasContent = true;
            }
            return false;
        }
        boolean blank = !lineHasContent;
        lineHasContent = false;
        if (inHeader) {
            if (blank) {
                inHeader = false;
                return bodyLinesLeft == 0;
            }
            return false;
        }
        return --bodyLinesLeft == 0;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip not supported: every byte must be seen");
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
