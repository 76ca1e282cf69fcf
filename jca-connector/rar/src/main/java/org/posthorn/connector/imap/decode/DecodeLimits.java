package org.posthorn.connector.imap.decode;

/**
 * The bounds on what one IMAP command may cost; checked before anything is allocated for it. RFC 3501
 * sets no limits (§4.3: a literal may be up to 4,294,967,295 octets) and RFC 7162 §4 asks servers to
 * accept command lines of at least 8,192 octets; the defaults follow that advice and Dovecot's.
 *
 * @param maxLineLength    the longest line, CRLF included, between the literals of a command (and of
 *                         IDLE's {@code DONE} and an AUTHENTICATE response); default 8 KiB
 * @param maxLiteral       the largest literal in any command but APPEND; default 64 KiB
 * @param maxAppendLiteral the largest literal in APPEND (the message; RFC 3501 §6.3.11), usually
 *                         the message size limit; default 25 MiB
 * @param maxCommand       the most octets of one command, lines with their CRLFs and literals; an
 *                         APPEND may carry {@code maxAppendLiteral} more; default 256 KiB
 * @param maxLiterals      the most literals in one command; default 256
 * @param maxSearchDepth   how deeply SEARCH keys may nest (parentheses, NOT, OR); default 64
 * @param maxSearchKeys    the most search keys in one SEARCH, nested ones included; default 1000
 */
public record DecodeLimits(int maxLineLength, int maxLiteral, long maxAppendLiteral, int maxCommand,
        int maxLiterals, int maxSearchDepth, int maxSearchKeys) {

    /** Room for a tag, a verb and a literal announcement: smaller lines make IMAP unusable. */
    public static final int MIN_LINE_LENGTH = 64;
    /** A literal's octets are kept in one array. */
    public static final long MAX_APPEND_LITERAL = Integer.MAX_VALUE - 64;

    public static final int DEFAULT_MAX_LINE_LENGTH = 8 * 1024;
    public static final int DEFAULT_MAX_LITERAL = 64 * 1024;
    public static final long DEFAULT_MAX_APPEND_LITERAL = 25L * 1024 * 1024;
    public static final int DEFAULT_MAX_COMMAND = 256 * 1024;
    public static final int DEFAULT_MAX_LITERALS = 256;
    public static final int DEFAULT_MAX_SEARCH_DEPTH = 64;
    public static final int DEFAULT_MAX_SEARCH_KEYS = 1000;

    /** @throws IllegalArgumentException if a limit is not positive or the limits contradict each other */
    public DecodeLimits {
        if (maxLineLength < MIN_LINE_LENGTH) {
            throw new IllegalArgumentException("maxLineLength below " + MIN_LINE_LENGTH + ": " + maxLineLength);
        }
        if (maxLiteral < 0 || maxAppendLiteral < 0 || maxAppendLiteral > MAX_APPEND_LITERAL) {
            throw new IllegalArgumentException("literal limits out of range: " + maxLiteral + ", " + maxAppendLiteral);
        }
        if (maxCommand < maxLineLength || maxCommand < maxLiteral) {
            throw new IllegalArgumentException("maxCommand must hold a line and a literal: " + maxCommand);
        }
        if (maxLiterals < 1 || maxSearchDepth < 1 || maxSearchKeys < 1) {
            throw new IllegalArgumentException("counts must be positive");
        }
    }

    /** The defaults listed above. */
    public static DecodeLimits defaults() {
        return new DecodeLimits(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_LITERAL, DEFAULT_MAX_APPEND_LITERAL,
                DEFAULT_MAX_COMMAND, DEFAULT_MAX_LITERALS, DEFAULT_MAX_SEARCH_DEPTH, DEFAULT_MAX_SEARCH_KEYS);
    }

    /**
     * Limits for a client that has not logged in: no command there needs a literal larger than a
     * user name or password, so APPEND gets no more than any other command (RFC 3501 allows APPEND
     * only when authenticated; {@link ImapDecoder#useLimits} switches after LOGIN).
     */
    public static DecodeLimits beforeAuthentication() {
        return new DecodeLimits(DEFAULT_MAX_LINE_LENGTH, 8 * 1024, 8 * 1024, 64 * 1024, 16, DEFAULT_MAX_SEARCH_DEPTH,
                DEFAULT_MAX_SEARCH_KEYS);
    }

    /** These limits with another APPEND limit, typically the configured message size limit. */
    public DecodeLimits withMaxAppendLiteral(long octets) {
        return new DecodeLimits(maxLineLength, maxLiteral, octets, maxCommand, maxLiterals, maxSearchDepth, maxSearchKeys);
    }
}
