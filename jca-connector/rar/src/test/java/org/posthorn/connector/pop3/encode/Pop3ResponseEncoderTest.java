package org.posthorn.connector.pop3.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.posthorn.spi.MessageContent;

class Pop3ResponseEncoderTest {

    private static String bytes(Pop3Response response) {
        ByteBuf buf = Pop3ResponseEncoder.encode(response);
        try {
            return buf.toString(StandardCharsets.US_ASCII);
        } finally {
            buf.release();
        }
    }

    /** Writes through the encoder and a chunked writer, as on a connection. */
    private static String written(Pop3Response response) {
        EmbeddedChannel channel = new EmbeddedChannel(new ChunkedWriteHandler(), new Pop3ResponseEncoder());
        assertThat(channel.writeAndFlush(response).isSuccess()).isTrue();
        StringBuilder out = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; buf.release()) {
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
        channel.finishAndReleaseAll();
        return out.toString();
    }

    @Test
    void writesStatusLines() {
        assertThat(bytes(new Pop3Response.Ok("2 320"))).isEqualTo("+OK 2 320\r\n");
        assertThat(bytes(new Pop3Response.Ok(""))).isEqualTo("+OK\r\n");
        assertThat(bytes(new Pop3Response.Err("no such message"))).isEqualTo("-ERR no such message\r\n");
        assertThat(bytes(new Pop3Response.Err(ResponseCode.SYS_TEMP, "try later"))).isEqualTo("-ERR [SYS/TEMP] try later\r\n");
        assertThat(bytes(new Pop3Response.Err(ResponseCode.IN_USE, "locked"))).isEqualTo("-ERR [IN-USE] locked\r\n");
        assertThat(bytes(new Pop3Response.Continuation(""))).isEqualTo("+ \r\n");
    }

    @Test
    void textFromTheClientCannotStartAnotherLine() {
        String echoed = "Unknown command FOO\r\n+OK injected";
        assertThat(bytes(new Pop3Response.Err(echoed))).isEqualTo("-ERR Unknown command FOO+OK injected\r\n");
        assertThat(bytes(new Pop3Response.Listing("x\r\n", List.of("a\nb", ".\r\n")))).isEqualTo("+OK x\r\nab\r\n..\r\n.\r\n");
        assertThat(new Pop3Response.Err(Optional.of(ResponseCode.AUTH), "\r\n").text()).isEmpty();
    }

    @Test
    void writesListingsDotStuffedAndTerminated() {
        assertThat(bytes(new Pop3Response.Listing("2 messages (320 octets)", List.of("1 120", "2 200"))))
                .isEqualTo("+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n");
        assertThat(bytes(new Pop3Response.Listing("0 messages (0 octets)", List.of())))
                .isEqualTo("+OK 0 messages (0 octets)\r\n.\r\n");
    }

    @Test
    void streamsAMessageDotStuffed() {
        MessageContent content = MessageContent.of("Subject: s\r\n\r\n.one\r\ntwo".getBytes(StandardCharsets.US_ASCII));
        assertThat(written(new Pop3Response.Message("27 octets", content, OptionalLong.empty())))
                .isEqualTo("+OK 27 octets\r\nSubject: s\r\n\r\n..one\r\ntwo\r\n.\r\n");
    }

    @Test
    void streamsTheTopOfAMessage() {
        MessageContent content = MessageContent.of("A: 1\r\nB: 2\r\n\r\n.l1\r\nl2\r\nl3\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(written(new Pop3Response.Message("top", content, OptionalLong.of(1))))
                .isEqualTo("+OK top\r\nA: 1\r\nB: 2\r\n\r\n..l1\r\n.\r\n");
        assertThat(written(new Pop3Response.Message("top", content, OptionalLong.of(0))))
                .isEqualTo("+OK top\r\nA: 1\r\nB: 2\r\n\r\n.\r\n");
    }

    @Test
    void aMessageThatCannotBeOpenedFailsTheWrite() {
        MessageContent broken = new MessageContent() {
            @Override
            public long size() {
                return 10;
            }

            @Override
            public InputStream openStream() throws IOException {
                throw new IOException("spool file gone");
            }
        };
        EmbeddedChannel channel = new EmbeddedChannel(new ChunkedWriteHandler(), new Pop3ResponseEncoder());
        var future = channel.writeAndFlush(new Pop3Response.Message("x", broken, OptionalLong.empty()));
        assertThat(future.isSuccess()).isFalse();
        assertThat(future.cause()).hasRootCauseInstanceOf(IOException.class);
        Object nothing = channel.readOutbound();
        assertThat(nothing).isNull();
        channel.finishAndReleaseAll();
    }
}
