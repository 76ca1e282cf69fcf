package org.posthorn.connector.imap.encode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@link ImapResponse}s as IMAP bytes (RFC 3501 §7, §9 {@code response}); the only code that
 * does. A {@code MessageToMessageEncoder} rather than a {@code MessageToByteEncoder}: a FETCH response
 * becomes a composite buffer that wraps the octets of its body sections instead of copying them into
 * an output buffer (see {@link FetchWriter}), so a 25 MiB literal is not copied on its way out.
 *
 * <p>Text and codes were stripped of CR, LF and NUL when the response was built; tags come from the
 * decoder, which only passes on tag characters. Stateless, so one instance serves every channel.
 */
@ChannelHandler.Sharable
public final class ImapResponseEncoder extends MessageToMessageEncoder<ImapResponse> {

    public ImapResponseEncoder() {
        super(ImapResponse.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ImapResponse response, List<Object> out) {
        out.add(encode(response));
    }

    /** The bytes of {@code response}; for the encoder and for tests. */
    public static ByteBuf encode(ImapResponse response) {
        if (response instanceof ImapResponse.FetchData fetch) {
            return FetchWriter.write(fetch);
        }
        return utf8(line(response));
    }

    private static String line(ImapResponse response) {
        if (response instanceof ImapResponse.Tagged tagged) {
            return status(tagged.tag(), tagged.status(), tagged.code(), tagged.text());
        } else if (response instanceof ImapResponse.Untagged untagged) {
            return status("*", untagged.status(), untagged.code(), untagged.text());
        } else if (response instanceof ImapResponse.Data data) {
            return "* " + data.text() + "\r\n";
        } else if (response instanceof ImapResponse.Continuation continuation) {
            // RFC 3501 §7.5: "+" SP, even when the text is empty (RFC 9051 allows empty resp-text).
            return "+ " + continuation.text() + "\r\n";
        }
        throw new IllegalArgumentException("not a line response: " + response);
    }

    /**
     * {@code prefix SP status SP ["[" code "]" SP] text CRLF} (RFC 9051 §9 {@code resp-cond-state},
     * {@code resp-text}). Both spaces are written even when the text is empty, as the RFC 9051 errata
     * advise servers to do for clients that follow the formal syntax to the letter.
     */
    private static String status(String prefix, ImapResponse.Status status, Optional<String> code, String text) {
        StringBuilder line = new StringBuilder(prefix.length() + text.length() + 32);
        line.append(prefix).append(' ').append(status.name()).append(' ');
        code.ifPresent(c -> line.append('[').append(c).append("] "));
        return line.append(text).append("\r\n").toString();
    }

    private static ByteBuf utf8(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
