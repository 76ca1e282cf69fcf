package org.posthorn.connector.imap.decode;

import java.util.List;

/**
 * One command as framed, before parsing: its lines without CRLF and the literals between them
 * (RFC 3501 §2.2.1: a command is a line, or lines joined by literals). Every line but the last ends
 * with the announcement ({@code {n}} or {@code {n+}}) of the literal that follows it, so there is one
 * literal fewer than lines. The arrays are owned by this record's single reader; nothing copies them.
 */
record RawCommand(List<byte[]> lines, List<byte[]> literals) {

    RawCommand {
        lines = List.copyOf(lines);
        literals = List.copyOf(literals);
        if (lines.size() != literals.size() + 1) {
            throw new IllegalArgumentException(lines.size() + " lines for " + literals.size() + " literals");
        }
    }
}
