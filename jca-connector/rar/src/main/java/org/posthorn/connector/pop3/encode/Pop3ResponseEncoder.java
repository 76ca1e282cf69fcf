package org.posthorn.connector.pop3.encode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.posthorn.connector.codec.DotStuffer;
import org.posthorn.connector.codec.DotStufferInput;

/**
 * Writes {@link Pop3Response}s as RFC 1939 §3 response lines. Single-line responses and listings
 * become one buffer; a {@link Pop3Response.Message} becomes its status line and a
 * {@link DotStufferInput} that a {@link io.netty.handler.stream.ChunkedWriteHandler} (placed before
 * this encoder, towards the socket) streams as the client reads.
 *
 * <p>All text in a response is printable ASCII already (see {@link ResponseText}). Stateless, so one
 * instance may serve every channel.
 */
@ChannelHandler.Sharable
public final class Pop3ResponseEncoder extends MessageToMessageEncoder<Pop3Response> {

    public Pop3ResponseEncoder() {
        super(Pop3Response.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Pop3Response response, List<Object> out) throws IOException {
        if (response instanceof Pop3Response.Message message) {
            InputStream body = message.content().openStream();
            if (message.bodyLines().isPresent()) {
                body = new TopInputStream(body, message.bodyLines().getAsLong());
            }
            out.add(line("+OK", message.text()));
            out.add(new DotStufferInput(body));
        } else {
            out.add(encode(response));
        }
    }

    /** The bytes of a response other than a {@link Pop3Response.Message}; for tests and the encoder. */
    public static ByteBuf encode(Pop3Response response) {
        if (response instanceof Pop3Response.Ok ok) {
            return line("+OK", ok.text());
        } else if (response instanceof Pop3Response.Err err) {
            String text = err.code().map(code -> "[" + code.wire() + "] " + err.text()).orElse(err.text());
            return line("-ERR", text);
        } else if (response instanceof Pop3Response.Continuation continuation) {
            // RFC 5034 §4: "+" and a space, even when the challenge is empty.
            return ascii("+ " + continuation.challenge() + "\r\n");
        } else if (response instanceof Pop3Response.Listing listing) {
            return listing(listing);
        }
        throw new IllegalArgumentException("streamed response: " + response);
    }

    private static ByteBuf listing(Pop3Response.Listing listing) {
        StringBuilder body = new StringBuilder();
        for (String l : listing.lines()) {
            body.append(l).append("\r\n");
        }
        ByteBuf status = line("+OK", listing.text());
        ByteBuf raw = ascii(body.toString());
        ByteBuf out = Unpooled.buffer(status.readableBytes() + DotStuffer.maxStuffedLength(raw.readableBytes()) + 5);
        out.writeBytes(status);
        DotStuffer stuffer = new DotStuffer();
        stuffer.stuff(raw, out);
        stuffer.finish(out);
        return out;
    }

    private static ByteBuf line(String status, String text) {
        return ascii(text.isEmpty() ? status + "\r\n" : status + " " + text + "\r\n");
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
