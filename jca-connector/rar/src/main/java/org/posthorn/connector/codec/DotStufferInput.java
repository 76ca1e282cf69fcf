package org.posthorn.connector.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A body read from a stream and written dot-stuffed and terminated (see {@link DotStuffer}), one
 * chunk at a time, for Netty's {@link io.netty.handler.stream.ChunkedWriteHandler}: a large message
 * goes out as the client reads it, without a second copy of it in memory, and a slow client holds
 * at most one chunk in the outbound buffer.
 *
 * <p>The stream is read on the event loop, one chunk per call, so it must not block for long: an
 * in-memory message or a local file, not a network stream. It is closed when the body is done or
 * the write fails.
 */
public final class DotStufferInput implements ChunkedInput<ByteBuf> {

    /** Octets read from the stream per chunk. */
    public static final int DEFAULT_CHUNK_SIZE = 8192;

    private final InputStream source;
    private final byte[] buffer;
    private final DotStuffer stuffer = new DotStuffer();
    private long progress;
    private boolean endOfInput;

    public DotStufferInput(InputStream source) {
        this(source, DEFAULT_CHUNK_SIZE);
    }

    public DotStufferInput(InputStream source, int chunkSize) {
        this.source = Objects.requireNonNull(source, "source");
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.buffer = new byte[chunkSize];
    }

    @Override
    public boolean isEndOfInput() {
        return endOfInput;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) throws IOException {
        return readChunk(ctx.alloc());
    }

    /** The next stuffed chunk; the last one carries the terminator. Null once the body is complete. */
    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) throws IOException {
        if (endOfInput) {
            return null;
        }
        int read = source.read(buffer, 0, buffer.length);
        if (read < 0) {
            ByteBuf end = allocator.buffer(5);
            stuffer.finish(end);
            endOfInput = true;
            return end;
        }
        progress += read;
        ByteBuf out = allocator.buffer(DotStuffer.maxStuffedLength(read));
        stuffer.stuff(Unpooled.wrappedBuffer(buffer, 0, read), out);
        return out;
    }

    /** Unknown in advance: stuffing adds octets. */
    @Override
    public long length() {
        return -1;
    }

    /** Octets of the unstuffed body read so far. */
    @Override
    public long progress() {
        return progress;
    }
}
