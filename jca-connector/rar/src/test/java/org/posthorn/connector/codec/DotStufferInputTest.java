package org.posthorn.connector.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotStufferInputTest {

    /** A stream that hands out at most {@code max} bytes per read, like a slow source. */
    private static final class Trickle extends FilterInputStream {
        private final int max;
        boolean closed;

        Trickle(byte[] bytes, int max) {
            super(new ByteArrayInputStream(bytes));
            this.max = max;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, max));
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    private static byte[] drain(DotStufferInput input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!input.isEndOfInput()) {
            ByteBuf chunk = input.readChunk(ByteBufAllocator.DEFAULT);
            try {
                chunk.readBytes(out, chunk.readableBytes());
            } finally {
                chunk.release();
            }
        }
        assertThat(input.readChunk(ByteBufAllocator.DEFAULT)).isNull();
        return out.toByteArray();
    }

    @Test
    void streamsTheStuffedBodyAndTheTerminator() throws Exception {
        byte[] body = "Subject: x\r\n\r\n.dot\r\nend".getBytes(StandardCharsets.US_ASCII);
        DotStufferInput input = new DotStufferInput(new Trickle(body, 3), 4);

        assertThat(new String(drain(input), StandardCharsets.US_ASCII)).isEqualTo("Subject: x\r\n\r\n..dot\r\nend\r\n.\r\n");
        assertThat(input.progress()).isEqualTo(body.length);
        assertThat(input.length()).isEqualTo(-1);
    }

    @Test
    void aLargeBodyComesThroughByteExactAfterUnstuffing() throws Exception {
        Random random = new Random(5034);
        StringBuilder text = new StringBuilder();
        while (text.length() < 300_000) {
            text.append(random.nextInt(4) == 0 ? "." : "").append("line ").append(random.nextInt()).append("\r\n");
        }
        byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);

        String wire = new String(drain(new DotStufferInput(new Trickle(body, 1000))), StandardCharsets.US_ASCII);

        assertThat(wire).endsWith("\r\n.\r\n");
        String unstuffed = wire.substring(0, wire.length() - 3).replace("\n..", "\n.");
        unstuffed = unstuffed.startsWith("..") ? unstuffed.substring(1) : unstuffed;
        assertThat(unstuffed).isEqualTo(text.toString());
    }

    @Test
    void closesItsSource() throws Exception {
        Trickle source = new Trickle(new byte[0], 1);
        DotStufferInput input = new DotStufferInput(source);
        assertThat(drain(input)).isEqualTo(".\r\n".getBytes(StandardCharsets.US_ASCII));
        input.close();
        assertThat(source.closed).isTrue();
    }

    @Test
    void passesOnReadFailures() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        DotStufferInput input = new DotStufferInput(broken);
        assertThatThrownBy(() -> input.readChunk(ByteBufAllocator.DEFAULT)).isInstanceOf(IOException.class)
                .hasMessage("disk gone");
        assertThatThrownBy(() -> new DotStufferInput(broken, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
