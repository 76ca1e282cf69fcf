package org.posthorn.connector.imap.decode;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts IMAP commands out of a byte stream: lines ended by CRLF, joined by literals whose size the line
 * before announces (RFC 3501 §2.2.1, §4.3, §7.5; RFC 7888 for {@code {n+}}). Knows of commands only
 * their tag (to name a refusal) and whether the verb is APPEND (whose literal has its own limit).
 *
 * <p><b>Limits before allocation.</b> A line is kept up to {@link DecodeLimits#maxLineLength()}; beyond
 * it the rest is skipped to its LF. An announced literal is checked against the literal, count and
 * command limits when its announcement has been read, before any octet of it is read; only then is
 * room made for it, and that room grows with the octets that actually arrive. What is refused is
 * reported once, and the rest of the command is dropped; see {@code package-info} for when that
 * closes the connection.
 *
 * <p><b>Incremental.</b> {@link #next} consumes what it needs from the buffer it is given and stops
 * after each frame, so bytes after a command stay in the caller's buffer until asked for (a STARTTLS
 * must not frame what follows it). Fed one octet at a time or all at once, it yields the same frames.
 * One instance per connection, on one thread.
 */
final class ImapFramer {

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int FIRST_LINE_ROOM = 256;

    private enum State { LINE, SKIPPING_LINE, LITERAL, CLOSED }

    private DecodeLimits limits;
    private final LiteralAnnouncement announcement = new LiteralAnnouncement();
    private State state = State.LINE;
    /** The next line is a plain line, not (part of) a command. */
    private boolean plainLine;

    private byte[] line;
    private int lineLength;

    private final PendingCommand command = new PendingCommand();
    private LiteralBuffer literal;

    ImapFramer(DecodeLimits limits) {
        this.limits = limits;
        this.line = new byte[Math.min(FIRST_LINE_ROOM, limits.maxLineLength())];
    }

    /**
     * Frames the next thing from {@code in}, advancing its reader index past what was used.
     *
     * @return a frame, or {@code null} when {@code in} is used up without completing one
     */
    ImapFrame next(ByteBuf in) {
        while (true) {
            if (state == State.CLOSED) {
                in.skipBytes(in.readableBytes());
                return null;
            }
            if (state == State.LITERAL) {
                readLiteral(in);
                if (state == State.LITERAL) {
                    return null;
                }
            } else if (!in.isReadable()) {
                return null;
            } else {
                ImapFrame frame = readLine(in);
                if (frame != null) {
                    return frame;
                }
            }
        }
    }

    /**
     * Makes the next line a plain line ({@link ImapFrame.Line}): IDLE's {@code DONE}, a SASL response.
     *
     * @throws IllegalStateException in the middle of a command
     */
    void expectLine() {
        requireBetweenCommands();
        plainLine = true;
    }

    /**
     * Applies other limits from the next command on.
     *
     * @throws IllegalStateException in the middle of a command
     */
    void limits(DecodeLimits next) {
        requireBetweenCommands();
        limits = next;
        if (line.length > next.maxLineLength()) {
            line = new byte[Math.min(FIRST_LINE_ROOM, next.maxLineLength())];
        }
    }

    private void requireBetweenCommands() {
        if (state != State.LINE || lineLength > 0 || !command.isEmpty()) {
            throw new IllegalStateException("in the middle of a command");
        }
    }

    /** Whether part of a line or command has been read and not yet framed. */
    boolean holdsPartialInput() {
        return state == State.SKIPPING_LINE || state == State.LITERAL || lineLength > 0 || !command.isEmpty();
    }

    /** The octets this framer holds on to now (arrays' capacity); for tests of the limits. */
    long retainedOctets() {
        return line.length + (literal == null ? 0 : literal.capacity()) + command.retained();
    }

    private ImapFrame readLine(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        int lf = in.indexOf(start, end, LF);
        int stop = lf < 0 ? end : lf;
        int from = start;
        if (state == State.LINE) {
            int room = limits.maxLineLength() - 1 - lineLength;
            int kept = Math.min(room, stop - start);
            keep(in, start, kept);
            from += kept;
            if (stop - start > room) {
                state = State.SKIPPING_LINE;
                announcement.reset();
                announcement.feed(line, 0, lineLength);
            }
        }
        if (state == State.SKIPPING_LINE && stop > from) {
            in.forEachByte(from, stop - from, b -> {
                announcement.feed(b);
                return true;
            });
        }
        in.readerIndex(lf < 0 ? end : lf + 1);
        return lf < 0 ? null : lineEnded();
    }

    /** Appends octets {@code [from, from + count)} of {@code in} to the line, within its room. */
    private void keep(ByteBuf in, int from, int count) {
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.min(limits.maxLineLength(), Math.max(lineLength + count, line.length * 2)));
        }
        in.getBytes(from, line, lineLength, count);
        lineLength += count;
    }

    private ImapFrame lineEnded() {
        String refusedTag = plainLine ? null : command.isEmpty() ? CommandStart.tag(line, lineLength) : command.tag();
        if (state == State.SKIPPING_LINE) {
            state = State.LINE;
            lineLength = 0;
            return refuse(refusedTag, ParseError.Problem.LINE_TOO_LONG);
        }
        boolean crlf = lineLength > 0 && line[lineLength - 1] == CR;
        byte[] text = Arrays.copyOf(line, crlf ? lineLength - 1 : lineLength);
        lineLength = 0;
        announcement.reset();
        announcement.feed(text, 0, text.length);
        if (!crlf || CommandStart.indexOf(text, CR) >= 0) {
            return refuse(refusedTag, ParseError.Problem.BAD_LINE_END);
        }
        if (plainLine) {
            plainLine = false;
            return new ImapFrame.Line(text);
        }
        command.addLine(text);
        if (command.octets() > command.octetLimit(limits)) {
            return refuse(command.tag(), ParseError.Problem.COMMAND_TOO_LARGE);
        }
        if (!announcement.found()) {
            return new ImapFrame.Command(command.take());
        }
        return literalAnnounced();
    }

    /** Checks the literal just announced against the limits, and makes room for it. */
    private ImapFrame literalAnnounced() {
        long size = announcement.size();
        if (command.literalCount() >= limits.maxLiterals()) {
            return refuse(command.tag(), ParseError.Problem.TOO_MANY_LITERALS);
        }
        if (size > command.literalLimit(limits)) {
            return refuse(command.tag(), ParseError.Problem.LITERAL_TOO_LARGE);
        }
        if (command.octets() + size > command.octetLimit(limits)) {
            return refuse(command.tag(), ParseError.Problem.COMMAND_TOO_LARGE);
        }
        command.reserve(size);
        literal = new LiteralBuffer((int) size);
        state = State.LITERAL;
        return announcement.synchronizing() ? new ImapFrame.Continue() : null;
    }

    private void readLiteral(ByteBuf in) {
        if (literal.fill(in)) {
            command.addLiteral(literal.octets());
            literal = null;
            state = State.LINE;
        }
    }

    /**
     * Drops the command so far. If the refused line announced a non-synchronizing literal, its octets
     * are on their way and cannot be told from commands: nothing more is framed.
     */
    private ImapFrame refuse(String refusedTag, ParseError.Problem problem) {
        boolean close = !plainLine && announcement.found() && !announcement.synchronizing();
        plainLine = false;
        announcement.reset();
        command.clear();
        if (close) {
            state = State.CLOSED;
        }
        return new ImapFrame.Refused(Optional.ofNullable(refusedTag), problem, close);
    }
}
