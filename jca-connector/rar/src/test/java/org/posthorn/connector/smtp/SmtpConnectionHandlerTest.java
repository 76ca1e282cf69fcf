package org.posthorn.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.server.SessionExpiredEvent;
import org.posthorn.spi.ClientConnection;

/**
 * The connection handler on an embedded channel: ordering, flushing, backpressure, the idle timer.
 * Post-office calls complete when the test says so; their continuations run on the channel's loop.
 */
class SmtpConnectionHandlerTest {

    private static final SmtpConfig CONFIG = SmtpConfig.of("mx.example.test", 1024, 3, 5, Duration.ofMinutes(5));
    private static final String EHLO_REPLY = "250-mx.example.test Hello c\r\n250-PIPELINING\r\n250-SIZE 1024\r\n"
            + "250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n250 SMTPUTF8\r\n";

    private final FakeMta mta = new FakeMta("mx.example.test");
    private final ControlledPostOffice postOffice = new ControlledPostOffice(mta);
    private EmbeddedChannel channel;
    private int flushes;

    @BeforeEach
    void connect() throws Exception {
        channel = new EmbeddedChannel(false, false);
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
                flushes++;
                ctx.flush();
            }
        });
        new SmtpProtocol(postOffice, CONFIG).install(channel, new ClientConnection("smtp",
                new InetSocketAddress("192.0.2.9", 40000), false, Optional.empty()));
        channel.register();
    }

    @Test
    void greetsOnConnect() {
        assertThat(output()).isEqualTo("220 mx.example.test ESMTP Posthorn\r\n");
    }

    @Test
    void aPipelinedBatchIsAnsweredInOrderWithOneFlush() {
        output();
        int before = flushes;

        send("EHLO c\r\nNOOP\r\nRSET\r\nVRFY x\r\nHELP\r\n");

        assertThat(flushes - before).isEqualTo(1);
        assertThat(output()).isEqualTo(EHLO_REPLY + "250 2.0.0 Ok\r\n250 2.0.0 Ok\r\n"
                + "252 2.5.2 Cannot VRFY user, but will accept message and attempt delivery\r\n"
                + "214 2.0.0 Supported commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP\r\n");
    }

    @Test
    void nothingIsProcessedWhileTheMtaIsAskedAndRepliesStayInOrder() {
        output();
        send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@example.test>\r\nNOOP\r\nRCPT TO:<nobody@example.test>\r\n");

        assertThat(output()).isEqualTo(EHLO_REPLY + "250 2.1.0 Ok\r\n");
        assertThat(postOffice.pendingCalls()).isEqualTo(1);

        postOffice.completeNext();
        channel.runPendingTasks();

        // The second RCPT is being checked: the replies of the batch wait to go out together (RFC 2920 §3.2).
        assertThat(postOffice.pendingCalls()).isEqualTo(1);
        assertThat(output()).isEmpty();
        postOffice.completeNext();
        channel.runPendingTasks();
        assertThat(output()).isEqualTo("250 2.1.5 Ok\r\n250 2.0.0 Ok\r\n"
                + "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown\r\n");
    }

    @Test
    void theMessageIsAcknowledgedOnlyWhenTheMtaHasIt() {
        output();
        send("EHLO c\r\nMAIL FROM:<a@b.example>\r\n");
        send("RCPT TO:<alice@example.test>\r\n");
        postOffice.completeNext();
        channel.runPendingTasks();
        send("DATA\r\n");
        output();

        send("Subject: x\r\n\r\nhi\r\n.\r\n");

        assertThat(output()).isEmpty();
        assertThat(mta.deliveries()).isEmpty();
        postOffice.completeNext();
        channel.runPendingTasks();
        assertThat(output()).isEqualTo("250 2.0.0 Ok: queued as FAKE1\r\n");
        assertThat(mta.deliveries()).hasSize(1);
    }

    @Test
    void bytesAfterDataWaitForItsAnswerEvenBehindAPendingCall() {
        output();
        send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\nQUIT\r\n.\r\n");
        assertThat(output()).isEqualTo(EHLO_REPLY + "250 2.1.0 Ok\r\n");

        postOffice.completeNext();
        channel.runPendingTasks();
        // The message was already there once DATA had been answered: it is being delivered.
        assertThat(mta.recipientChecks()).hasSize(1);
        assertThat(postOffice.pendingCalls()).isEqualTo(1);

        postOffice.completeNext();
        channel.runPendingTasks();
        assertThat(output()).isEqualTo("250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n"
                + "250 2.0.0 Ok: queued as FAKE1\r\n");
        assertThat(mta.deliveries().get(0).content()).isEqualTo("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aLongQueueStopsReadingUntilItHasDrained() {
        output();
        send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@example.test>\r\n");
        assertThat(channel.config().isAutoRead()).isTrue();

        send("NOOP\r\n".repeat(SmtpConnectionHandler.MAX_QUEUED));

        assertThat(channel.config().isAutoRead()).isFalse();
        postOffice.completeNext();
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(output()).endsWith("250 2.0.0 Ok\r\n".repeat(SmtpConnectionHandler.MAX_QUEUED));
    }

    @Test
    void silenceIsAnsweredWith421AndClosed() {
        output();
        channel.advanceTimeBy(5, TimeUnit.MINUTES);
        channel.runScheduledPendingTasks();

        assertThat(output()).isEqualTo("421 4.4.2 mx.example.test Error: timeout exceeded\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void theSessionTimeLimitEndsAHalfReceivedMessageWith421ButWaitsForTheMta() {
        send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@example.test>\r\n");
        output();
        channel.pipeline().fireUserEventTriggered(SessionExpiredEvent.INSTANCE);
        assertThat(output()).as("RCPT's call is under way").isEmpty();
        assertThat(channel.isOpen()).isTrue();
        postOffice.completeNext();
        channel.runPendingTasks();
        send("DATA\r\nSubject: trickled\r\n\r\none octet at a ti");
        assertThat(output()).isEqualTo("250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n");

        channel.pipeline().fireUserEventTriggered(SessionExpiredEvent.INSTANCE);

        assertThat(output()).isEqualTo("421 4.4.2 mx.example.test Error: session time limit exceeded\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(mta.deliveries()).isEmpty();
    }

    @Test
    void theIdleTimerDoesNotRunOutWhileTheServerIsTheOneWorking() {
        send("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@example.test>\r\n");
        output();

        channel.advanceTimeBy(6, TimeUnit.MINUTES);
        channel.runScheduledPendingTasks();

        assertThat(output()).isEmpty();
        assertThat(channel.isOpen()).isTrue();
        postOffice.completeNext();
        channel.runPendingTasks();
        assertThat(output()).isEqualTo("250 2.1.5 Ok\r\n");
    }

    @Test
    void quitClosesAfterTheReplyAndIgnoresWhatFollows() {
        output();
        send("QUIT\r\nNOOP\r\n");

        assertThat(output()).isEqualTo("221 2.0.0 Bye\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void tooManyErrorsClose() {
        output();
        send("A\r\nB\r\nC\r\nD\r\nE\r\nF\r\n");

        assertThat(output()).isEqualTo("500 5.5.2 Error: command not recognized\r\n".repeat(4)
                + "421 4.7.0 mx.example.test Error: too many errors\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    /** Everything written and flushed since the last call. */
    private String output() {
        StringBuilder out = new StringBuilder();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            out.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }
        return out.toString();
    }
}
