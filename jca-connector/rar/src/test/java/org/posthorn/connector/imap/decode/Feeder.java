package org.posthorn.connector.imap.decode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.posthorn.connector.conversation.Escapes;

/** Feeds octets to an {@link ImapDecoder} in chunks and collects what comes out, as a connection would. */
final class Feeder {

    private Feeder() {
    }

    /** Everything {@code octets} decodes to, fed in chunks of {@code chunk} octets, continuation requests included. */
    static List<ImapInput> decode(ImapDecoder decoder, byte[] octets, int chunk) {
        List<ImapInput> inputs = new ArrayList<>();
        ByteBuf buffer = Unpooled.buffer();
        try {
            for (int at = 0; at < octets.length; at += chunk) {
                buffer.writeBytes(octets, at, Math.min(chunk, octets.length - at));
                ImapInput input;
                while ((input = decoder.next(buffer)) != null) {
                    inputs.add(input);
                }
                buffer.discardReadBytes();
            }
        } finally {
            buffer.release();
        }
        return inputs;
    }

    static List<ImapInput> decode(byte[] octets) {
        return decode(new ImapDecoder(DecodeLimits.defaults()), octets, Math.max(1, octets.length));
    }

    /** Everything the escaped text ({@link Escapes}) decodes to, without the continuation requests. */
    static List<ImapInput> decodeEscaped(String escaped) {
        return decode(Escapes.unescape(escaped)).stream().filter(i -> !(i instanceof ContinuationRequest)).toList();
    }

    /**
     * The one input a command decodes to; {@code text} is in {@link Escapes} notation without the final
     * CRLF, which is added.
     */
    static ImapInput one(String text) {
        List<ImapInput> inputs = decodeEscaped(text + "\\r\\n");
        if (inputs.size() != 1) {
            throw new AssertionError("expected one input from " + text + ", got " + inputs);
        }
        return inputs.get(0);
    }

    /** The one command {@code text} decodes to, or an AssertionError saying why not. */
    @SuppressWarnings("unchecked")
    static <C extends ImapCommand> C command(String text, Class<C> type) {
        ImapInput input = one(text);
        if (!type.isInstance(input)) {
            throw new AssertionError("expected " + type.getSimpleName() + " from " + text + ", got " + input);
        }
        return (C) input;
    }

    /** {@code <tag or *> BAD <PROBLEM> <message>}, or the canonical command, escaped. */
    static String describe(ImapInput input) {
        if (input instanceof ParseError error) {
            return error.tag().orElse("*") + " BAD " + error.problem() + " " + error.message()
                    + (error.closeConnection() ? " +close" : "");
        }
        if (input instanceof ImapCommand command) {
            return Escapes.escape(CommandPrinter.print(command));
        }
        return input.toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
