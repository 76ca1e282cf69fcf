package org.posthorn.ejb.store.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Byte-level cuts of MIME entities, the part Jakarta Mail does not do: where a header section ends,
 * and where the body parts of a multipart begin and end (RFC 2046 §5.1.1). Lines end in CRLF; a bare
 * LF is accepted as well, as real mail has it.
 */
final class BoundaryScanner {

    private BoundaryScanner() {
    }

    /**
     * Where the header section of {@code [start, end)} ends: {@code {headerEnd, bodyStart}}, the end of
     * the last header line and the offset after the blank line. Without a blank line it is all header
     * and the body is empty (RFC 3501 §6.4.5 then gives an empty TEXT).
     */
    static int[] headerSplit(byte[] data, int start, int end) {
        int line = start;
        while (line < end) {
            if (data[line] == '\n') {
                return new int[] {line, line + 1};
            }
            if (data[line] == '\r' && line + 1 < end && data[line + 1] == '\n') {
                return new int[] {line, line + 2};
            }
            line = nextLine(data, line, end);
        }
        return new int[] {end, end};
    }

    /**
     * The body parts of a multipart body {@code [start, end)}: {@code {partStart, partEnd}} each. A
     * delimiter line is {@code --boundary} at the start of a line, optionally followed by {@code --}
     * (the close delimiter), then only transport padding (RFC 2046 §5.1.1 {@code transport-padding}).
     * The line break before a delimiter belongs to the delimiter, not to the part. Preamble and
     * epilogue are not parts. Without a close delimiter the last part runs to the end; without any
     * delimiter the list is empty and the caller treats the body as opaque.
     */
    static List<int[]> parts(byte[] data, int start, int end, byte[] boundary) {
        List<int[]> parts = new ArrayList<>();
        int partStart = -1;
        int line = start;
        while (line < end) {
            int next = nextLine(data, line, end);
            int kind = delimiter(data, line, next, boundary);
            if (kind != 0) {
                if (partStart >= 0) {
                    parts.add(new int[] {partStart, Math.max(partStart, lineBreakBefore(data, start, line))});
                }
                if (kind == 2) {
                    return parts;
                }
                partStart = next;
            }
            line = next;
        }
        if (partStart >= 0) {
            parts.add(new int[] {partStart, end});
        }
        return parts;
    }

    /** 0 if not a delimiter line, 1 for a delimiter, 2 for the close delimiter. */
    private static int delimiter(byte[] data, int line, int next, byte[] boundary) {
        int length = boundary.length + 2;
        if (next - line < length || data[line] != '-' || data[line + 1] != '-') {
            return 0;
        }
        for (int i = 0; i < boundary.length; i++) {
            if (data[line + 2 + i] != boundary[i]) {
                return 0;
            }
        }
        int pos = line + length;
        int kind = 1;
        if (pos + 1 < next && data[pos] == '-' && data[pos + 1] == '-') {
            kind = 2;
            pos += 2;
        }
        for (; pos < next; pos++) {
            byte b = data[pos];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return 0; // "--boundary-more" is another (nested) boundary, not ours
            }
        }
        return kind;
    }

    /** The start of the CRLF (or LF) that ends the line before {@code line}, or {@code line} at the start. */
    private static int lineBreakBefore(byte[] data, int start, int line) {
        if (line > start && data[line - 1] == '\n') {
            return line - 2 >= start && data[line - 2] == '\r' ? line - 2 : line - 1;
        }
        return line;
    }

    /** The offset after the LF that ends the line at {@code line}, or {@code end}. */
    static int nextLine(byte[] data, int line, int end) {
        for (int i = line; i < end; i++) {
            if (data[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    /** Text lines of a body (RFC 3501 {@code body-fld-lines}): line breaks, plus an unterminated last line. */
    static long lines(byte[] data, int start, int end) {
        long lines = 0;
        for (int i = start; i < end; i++) {
            if (data[i] == '\n') {
                lines++;
            }
        }
        return end > start && data[end - 1] != '\n' ? lines + 1 : lines;
    }
}
