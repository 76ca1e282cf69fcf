package org.posthorn.connector.imap.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines and literals of the command {@link ImapFramer} is assembling, and what they add up to:
 * its octets so far (announced literals included, before they arrive), its tag, and whether it is an
 * APPEND, which may carry a message-sized literal.
 */
final class PendingCommand {

    private final List<byte[]> lines = new ArrayList<>();
    private final List<byte[]> literals = new ArrayList<>();
    private long octets;
    private String tag;
    private boolean append;

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The tag of the first line, or null if it began with none. */
    String tag() {
        return tag;
    }

    /** Adds a line without its CRLF, counting the CRLF. */
    void addLine(byte[] text) {
        if (lines.isEmpty()) {
            tag = CommandStart.tag(text, text.length);
            append = CommandStart.isAppend(text);
        }
        lines.add(text);
        octets += text.length + 2;
    }

    /** Counts an announced literal's octets before they arrive. */
    void reserve(long size) {
        octets += size;
    }

    void addLiteral(byte[] literal) {
        literals.add(literal);
    }

    int literalCount() {
        return literals.size();
    }

    long octets() {
        return octets;
    }

    /** The most octets this command may have: an APPEND may carry a message on top. */
    long octetLimit(DecodeLimits limits) {
        return limits.maxCommand() + (append ? limits.maxAppendLiteral() : 0);
    }

    /** The largest literal this command may have. */
    long literalLimit(DecodeLimits limits) {
        return append ? limits.maxAppendLiteral() : limits.maxLiteral();
    }

    /** The command, which is then no longer pending. */
    RawCommand take() {
        RawCommand command = new RawCommand(lines, literals);
        clear();
        return command;
    }

    void clear() {
        lines.clear();
        literals.clear();
        octets = 0;
        tag = null;
        append = false;
    }

    /** The octets held in lines and literals. */
    long retained() {
        long held = 0;
        for (byte[] line : lines) {
            held += line.length;
        }
        for (byte[] literal : literals) {
            held += literal.length;
        }
        return held;
    }
}
