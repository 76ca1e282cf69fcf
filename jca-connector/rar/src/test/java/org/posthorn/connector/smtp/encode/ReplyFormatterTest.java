package org.posthorn.connector.smtp.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyFormatterTest {

    @Test
    void oneLine() {
        assertThat(ReplyFormatter.format(SmtpReply.of(250, "2.1.5", "Ok"))).isEqualTo("250 2.1.5 Ok\r\n");
    }

    @Test
    void multiLineRepeatsTheStatusOnEveryLine() {
        SmtpReply reply = new SmtpReply(550, "5.7.1", List.of("first", "second", "third"));

        assertThat(ReplyFormatter.format(reply))
                .isEqualTo("550-5.7.1 first\r\n550-5.7.1 second\r\n550 5.7.1 third\r\n");
    }

    @Test
    void greetingAndEhloCarryNoStatus() {
        assertThat(ReplyFormatter.format(SmtpReply.plain(250, "mx Hello c", "PIPELINING")))
                .isEqualTo("250-mx Hello c\r\n250 PIPELINING\r\n");
        assertThat(ReplyFormatter.format(SmtpReply.plain(354, "End data with <CR><LF>.<CR><LF>")))
                .isEqualTo("354 End data with <CR><LF>.<CR><LF>\r\n");
    }

    /** STYLE.md #7: whatever the text holds, a reply is exactly the lines it was meant to be. */
    @Test
    void echoedTextCannotInjectLinesOrControls() {
        String evil = "<a@b>\r\n250 2.0.0 Ok: queued as FORGED\r\n\u001b[2J\u0000\u0085\u2028\u2029\u007f x";

        String wire = ReplyFormatter.format(SmtpReply.of(550, "5.1.1", evil));

        assertThat(wire).isEqualTo("550 5.1.1 <a@b>250 2.0.0 Ok: queued as FORGED[2J x\r\n");
        assertThat(wire.indexOf('\r')).isEqualTo(wire.length() - 2);
        assertThat(wire.chars()).allMatch(c -> c >= 0x20 && c < 0x7f || c == '\r' || c == '\n');
    }

    @Test
    void nonAsciiBecomesAQuestionMark() {
        assertThat(ReplyFormatter.clean("jörg@例え.test")).isEqualTo("j?rg@??.test");
    }

    @Test
    void longLinesAreCutToTheReplyLineLimit() {
        String wire = ReplyFormatter.format(SmtpReply.of(550, "5.1.1", "x".repeat(2000)));

        assertThat(wire).hasSize(ReplyFormatter.MAX_REPLY_LINE).endsWith("x\r\n");
    }

    @Test
    void theEncoderWritesTheFormattedReply() {
        EmbeddedChannel channel = new EmbeddedChannel(new SmtpReplyEncoder());
        channel.writeOutbound(SmtpReply.of(221, "2.0.0", "Bye"));

        ByteBuf out = channel.readOutbound();
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("221 2.0.0 Bye\r\n");
        out.release();
    }

    @Test
    void theReplyChecksItsCodes() {
        assertThatThrownBy(() -> SmtpReply.of(250, "5.0.0", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("disagrees");
        assertThatThrownBy(() -> SmtpReply.of(250, "2.0", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(99, "2.0.0", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.plain(550, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 2034");
        assertThatThrownBy(() -> new SmtpReply(250, "2.0.0", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
