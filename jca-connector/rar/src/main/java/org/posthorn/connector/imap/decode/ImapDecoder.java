package org.posthorn.connector.imap.decode;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns the client's bytes into {@link ImapInput}s: framing ({@link ImapFramer}) then parsing
 * ({@link ImapCommandParser}). The one entry point of this package; pure, so a Netty handler or a test
 * feeds it buffers and acts on what comes out.
 *
 * <p>Pull, one input at a time: {@link #next} returns after each input and leaves the bytes after it
 * in the caller's buffer, so the caller decides when to go on. After {@link ImapCommand.Idle} or
 * {@link ImapCommand.Authenticate} it calls {@link #expectIdleDone()} or {@link #expectSaslResponse()}
 * before the next call, and the next line is read as {@code DONE} or a SASL response instead of a
 * command. After {@link ImapCommand.StartTls} it must not call {@code next} on plaintext bytes again;
 * {@link #holdsPartialInput()} and its own buffer tell whether the client sent any after the command
 * (the STARTTLS injection of CVE-2011-0411 and kin).
 *
 * <p>Never throws for any input; one instance per connection, on one thread.
 */
public final class ImapDecoder {

    private enum Expecting { COMMAND, IDLE_DONE, SASL_RESPONSE }

    private final ImapFramer framer;
    private final ImapCommandParser parser;
    private Expecting expecting = Expecting.COMMAND;

    public ImapDecoder(DecodeLimits limits) {
        this.framer = new ImapFramer(limits);
        this.parser = new ImapCommandParser(limits);
    }

    /**
     * Decodes the next input from {@code in}, advancing its reader index past the octets used.
     *
     * @return the input, or {@code null} when {@code in} is used up first (keep the buffer and call
     *         again when more has arrived; octets already consumed are held here)
     */
    public ImapInput next(ByteBuf in) {
        ImapFrame frame = framer.next(in);
        if (frame == null) {
            return null;
        }
        Expecting was = expecting;
        expecting = Expecting.COMMAND;
        if (frame instanceof ImapFrame.Command command) {
            return parser.parse(command.command());
        }
        if (frame instanceof ImapFrame.Continue) {
            expecting = was;
            return new ContinuationRequest();
        }
        if (frame instanceof ImapFrame.Refused refused) {
            return new ParseError(refused.tag(), refused.problem(), message(refused.problem()), refused.close());
        }
        byte[] line = ((ImapFrame.Line) frame).text();
        return was == Expecting.IDLE_DONE ? done(line) : saslResponse(line);
    }

    /**
     * Reads the next line as the {@code DONE} that ends IDLE (RFC 2177 §3): {@link IdleDone}, or a
     * {@link ParseError} without tag for any other line (the IDLE then ends with BAD, as in Dovecot).
     *
     * @throws IllegalStateException in the middle of a command
     */
    public void expectIdleDone() {
        framer.expectLine();
        expecting = Expecting.IDLE_DONE;
    }

    /**
     * Reads the next line as the answer to an AUTHENTICATE challenge (RFC 3501 §6.2.2):
     * {@link SaslResponse}, or a {@link ParseError} without tag if it is no base64 nor {@code *}.
     *
     * @throws IllegalStateException in the middle of a command
     */
    public void expectSaslResponse() {
        framer.expectLine();
        expecting = Expecting.SASL_RESPONSE;
    }

    /**
     * Applies other limits from the next command on: a session starts with small ones, so that no
     * client can make the server hold a message-sized APPEND literal before it has logged in, and
     * switches to the configured ones after authentication.
     *
     * @throws IllegalStateException in the middle of a command
     */
    public void useLimits(DecodeLimits limits) {
        framer.limits(limits);
        parser.limits(limits);
    }

    /** Whether octets of an unfinished line or command are held here. */
    public boolean holdsPartialInput() {
        return framer.holdsPartialInput();
    }

    /** The octets held for unfinished input; for tests of the limits. */
    long retainedOctets() {
        return framer.retainedOctets();
    }

    private static ImapInput done(byte[] line) {
        if (new String(line, StandardCharsets.US_ASCII).equalsIgnoreCase("DONE")) {
            return new IdleDone();
        }
        return new ParseError(Optional.empty(), ParseError.Problem.SYNTAX, "Expected DONE", false);
    }

    private static ImapInput saslResponse(byte[] line) {
        String text = new String(line, StandardCharsets.US_ASCII);
        if (text.equals("*")) {
            return new SaslResponse(true, "");
        }
        if (!ImapCommandParser.isBase64(text) || line.length != text.length() || hasHighBit(line)) {
            return new ParseError(Optional.empty(), ParseError.Problem.SYNTAX, "Bad base64 in SASL response", false);
        }
        return new SaslResponse(false, text);
    }

    private static boolean hasHighBit(byte[] line) {
        for (byte b : line) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static String message(ParseError.Problem problem) {
        return switch (problem) {
            case LINE_TOO_LONG -> "Line too long";
            case BAD_LINE_END -> "Lines must end with CRLF";
            case LITERAL_TOO_LARGE -> "Literal too large";
            case TOO_MANY_LITERALS -> "Too many literals";
            case COMMAND_TOO_LARGE -> "Command too large";
            default -> "Bad command";
        };
    }
}
