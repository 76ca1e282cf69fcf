package org.posthorn.connector.smtp.decode;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.posthorn.connector.codec.DotUnstuffer;
import org.posthorn.connector.codec.HeaderSectionLimit;
import org.posthorn.connector.codec.LineFramer;

/**
 * Frames the client's bytes into {@link SmtpFrame}s: command lines, or one dot-terminated message.
 *
 * <p><b>It pauses after every command line whose verb may change the framing</b> ({@code DATA},
 * {@code STARTTLS}, {@code AUTH}, and later {@code BDAT}), and after every line of a SASL exchange, and frames nothing more until the processor,
 * having answered that command, calls {@link #resume} with the mode that follows. Bytes the client
 * pipelined after such a line therefore wait unframed in this decoder's buffer: message text sent
 * right after a {@code DATA} that is refused can never be misread as commands before the refusal is
 * decided, nor plaintext sent after {@code STARTTLS} be taken as commands of the TLS session (the
 * STARTTLS command-injection bugs, CVE-2011-0411 and kin). While paused with unread bytes it stops
 * reading from the socket, so an impatient client cannot make the buffer grow.
 *
 * <p>Owns its buffer: everything read is appended to it and released here. In command mode memory is
 * bounded by the line limit ({@link LineFramer} skips over-long lines); in data mode everything is
 * handed to the message spool as it arrives, up to the size limit, and counted beyond it; a header
 * section over its limit stops the spooling there ({@link HeaderSectionLimit}).
 *
 * <p>After the end of a message it goes back to command mode on its own: RFC 2920 lets a client
 * pipeline commands after the terminating dot. One instance per connection, used on its event loop.
 */
public final class SmtpFrameDecoder extends ChannelInboundHandlerAdapter {

    /** RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF. */
    public static final int MAX_COMMAND_LINE = 512;
    /** RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets including CRLF. */
    public static final int MAX_TEXT_LINE = 1000;
    /** RFC 4954 §4: a server must take SASL lines of at least 12288 octets (CRLF included). */
    public static final int MAX_AUTH_LINE = 12288;

    private final Predicate<String> changesFraming;
    private final long maxMessageSize;
    private final long maxHeaderSize;
    private final ReadThrottle throttle;
    private final Supplier<MessageSpool> spools;
    /**
     * Frames command lines up to the SASL limit, because an AUTH line with an initial response may be as
     * long as any SASL line (RFC 4954 §4); every other command is held to RFC 5321's 512 octets after framing.
     */
    private final LineFramer lines = new LineFramer(MAX_AUTH_LINE);
    private final LineFramer saslLines = new LineFramer(MAX_AUTH_LINE);

    private ChannelHandlerContext ctx;
    private ByteBuf buffer;
    private InputMode mode = InputMode.COMMANDS;
    private boolean paused;
    private boolean decoding;
    private MessageSpool spool;
    private HeaderSectionLimit header;
    private DotUnstuffer message;

    /**
     * @param changesFraming whether a verb (upper case) may change the framing of what follows it
     * @param maxMessageSize the most octets of a message kept; more are counted and dropped
     * @param maxHeaderSize  the most octets of a message's header section kept; beyond them the message is dropped
     * @param throttle       stops reading while paused with unread bytes
     * @param spools         a fresh spool for each message
     */
    public SmtpFrameDecoder(Predicate<String> changesFraming, long maxMessageSize, long maxHeaderSize,
                            ReadThrottle throttle, Supplier<MessageSpool> spools) {
        this.changesFraming = changesFraming;
        this.maxMessageSize = maxMessageSize;
        this.maxHeaderSize = maxHeaderSize;
        this.throttle = throttle;
        this.spools = spools;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.buffer = ctx.alloc().buffer(MAX_COMMAND_LINE);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        buffer.release();
        buffer = null;
        if (spool != null) {
            // The connection ended in the middle of DATA.
            spool.discard();
            spool = null;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (buffer != null) {
                buffer.writeBytes(in);
            }
        } finally {
            in.release();
        }
        decode();
    }

    /** Whether the decoder waits for {@link #resume} after a line that holds the framing. */
    public boolean isPaused() {
        return paused;
    }

    /**
     * Continues after a line that {@linkplain CommandLine#holdsFraming() holds the framing}, in the
     * given mode. Called on the event loop once that line has been answered.
     *
     * @throws IllegalStateException if the decoder is not paused
     */
    public void resume(InputMode next) {
        if (!paused) {
            throw new IllegalStateException("resume without a pause");
        }
        paused = false;
        throttle.release(ReadThrottle.Reason.FRAMING_PAUSED);
        mode = next;
        if (next == InputMode.DATA) {
            spool = spools.get();
            header = new HeaderSectionLimit(spool, maxHeaderSize);
            message = new DotUnstuffer(header, maxMessageSize, MAX_TEXT_LINE);
        }
        decode();
    }

    /**
     * Throws away every byte received but not yet framed; only while paused. After {@code STARTTLS}
     * (RFC 3207 §4.2) and {@code STLS}-like commands, whatever the client sent behind the command in
     * clear text must not be read as commands of the TLS session: a man in the middle may have put it
     * there (CVE-2011-0411). Call it before {@link #resume}, once TLS is in the pipeline.
     *
     * @return how many octets were discarded
     * @throws IllegalStateException if the decoder is not paused
     */
    public int discardUnread() {
        if (!paused) {
            throw new IllegalStateException("discard without a pause");
        }
        if (buffer == null) {
            return 0;
        }
        int discarded = buffer.readableBytes();
        // The framer holds no partial state here: the paused line was complete.
        buffer.clear();
        return discarded;
    }

    private void decode() {
        // resume() may be called while a frame fired from this loop is being handled: the running loop
        // then simply goes on in the new mode.
        if (decoding || buffer == null) {
            return;
        }
        decoding = true;
        try {
            while (!paused && buffer != null && buffer.isReadable() && !ctx.isRemoved()) {
                SmtpFrame frame = switch (mode) {
                    case COMMANDS -> nextCommand();
                    case DATA -> nextMessage();
                    case AUTH_RESPONSE -> nextSaslLine();
                };
                if (frame == null) {
                    break;
                }
                ctx.fireChannelRead(frame);
            }
            if (buffer != null) {
                buffer.discardSomeReadBytes();
                if (paused && buffer.isReadable()) {
                    throttle.hold(ReadThrottle.Reason.FRAMING_PAUSED);
                }
            }
        } finally {
            decoding = false;
        }
    }

    private SmtpFrame nextCommand() {
        LineFramer.Line line = lines.next(buffer);
        if (line == null) {
            return null;
        }
        if (line instanceof LineFramer.TooLong) {
            return new BadLine(BadLine.Problem.TOO_LONG);
        }
        if (line instanceof LineFramer.Malformed) {
            return new BadLine(BadLine.Problem.BARE_LINE_END);
        }
        byte[] octets = ((LineFramer.Text) line).octets();
        if (octets.length + 2 > MAX_COMMAND_LINE && !isAuth(octets)) {
            return new BadLine(BadLine.Problem.TOO_LONG);
        }
        Optional<CommandLine> command = CommandLine.parse(octets);
        if (command.isEmpty()) {
            return new BadLine(BadLine.Problem.NOT_UTF8);
        }
        if (changesFraming.test(command.get().verb())) {
            paused = true;
            return command.get().holdingFraming();
        }
        return command.get();
    }

    /** Whether a command line starts with the verb AUTH (any case) and a space. */
    private static boolean isAuth(byte[] octets) {
        return octets.length > 5 && (octets[0] | 0x20) == 'a' && (octets[1] | 0x20) == 'u' && (octets[2] | 0x20) == 't'
                && (octets[3] | 0x20) == 'h' && octets[4] == ' ';
    }

    /** One line of a SASL exchange; the decoder pauses until the exchange says what comes next. */
    private SmtpFrame nextSaslLine() {
        LineFramer.Line line = saslLines.next(buffer);
        if (line == null) {
            return null;
        }
        paused = true;
        mode = InputMode.COMMANDS;
        return SaslLine.of(line);
    }

    private SmtpFrame nextMessage() {
        if (!message.decode(buffer)) {
            return null;
        }
        DotUnstuffer.Report report = message.report();
        MessageData data;
        try {
            data = new MessageData(spool.content(), report, header.exceeded());
        } catch (IOException e) {
            spool.discard();
            data = new MessageData(SpooledMessage.empty(), new DotUnstuffer.Report(report.size(), report.tooBig(),
                    report.bareLineEnds(), report.lineTooLong(), Optional.of(e)), header.exceeded());
        }
        spool = null;
        header = null;
        message = null;
        mode = InputMode.COMMANDS;
        return data;
    }
}
