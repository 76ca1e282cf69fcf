package org.posthorn.connector.imap.decode;

/**
 * Recognises, octet by octet, whether a line ends with a literal announcement: {@code "{" number
 * ["+"] "}"} (RFC 3501 §9 {@code literal}, RFC 7888 §8 {@code literal+}), optionally followed by the
 * CR of the line end. Streaming, so that even a line too long to keep is judged by its true end, with
 * any number of digits, in constant memory.
 */
final class LiteralAnnouncement {

    /** Stands for any size above {@link SequenceSet#MAX_NUMBER}: no valid {@code number}. */
    static final long TOO_LARGE = SequenceSet.MAX_NUMBER + 1;

    private enum State { NONE, DIGITS, PLUS, CLOSED, CLOSED_CR }

    private State state = State.NONE;
    private long size;
    private int digits;
    private boolean synchronizing;

    void reset() {
        state = State.NONE;
    }

    void feed(byte[] octets, int from, int to) {
        for (int i = from; i < to; i++) {
            feed(octets[i]);
        }
    }

    void feed(byte b) {
        switch (b) {
            case '{' -> {
                state = State.DIGITS;
                size = 0;
                digits = 0;
            }
            case '+' -> state = state == State.DIGITS && digits > 0 ? State.PLUS : State.NONE;
            case '}' -> {
                synchronizing = state == State.DIGITS;
                state = (state == State.DIGITS && digits > 0) || state == State.PLUS ? State.CLOSED : State.NONE;
            }
            case '\r' -> state = state == State.CLOSED ? State.CLOSED_CR : State.NONE;
            default -> {
                if (b >= '0' && b <= '9' && state == State.DIGITS) {
                    digits++;
                    size = Math.min(TOO_LARGE, size * 10 + (b - '0'));
                } else {
                    state = State.NONE;
                }
            }
        }
    }

    /** Whether the octets fed so far end with an announcement. */
    boolean found() {
        return state == State.CLOSED || state == State.CLOSED_CR;
    }

    /** The announced size, {@link #TOO_LARGE} for more than 32 bits; meaningful only if {@link #found()}. */
    long size() {
        return size;
    }

    /** {@code {n}} rather than {@code {n+}}; meaningful only if {@link #found()}. */
    boolean synchronizing() {
        return synchronizing;
    }
}
