package org.posthorn.connector.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE_PASSWORD;
import static org.posthorn.connector.pop3.Pop3Fixtures.MESSAGE_1;
import static org.posthorn.connector.pop3.Pop3Fixtures.MESSAGE_2;
import static org.posthorn.connector.pop3.Pop3Fixtures.MESSAGE_3;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.pop3.decode.SaslResponse;
import org.posthorn.connector.server.SessionExpiredEvent;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * The connection handler on an embedded channel: the event loop is the test thread, post-office
 * calls are held until the test lets them run, and time moves only when the test says so.
 */
class Pop3SessionHandlerTest {

    private static final String GREETING = "+OK Posthorn POP3 server ready\r\n";
    private static final int TOTAL = MESSAGE_1.length() + MESSAGE_2.length() + MESSAGE_3.length();

    private final InMemoryMaildrops maildrops = Pop3Fixtures.maildrops();
    private final SyncPostOffice postOffice = new SyncPostOffice()
            .with(MaildropListener.class, maildrops)
            .with(AuthenticationListener.class, Pop3Fixtures.authenticator())
            .hold();
    private final Pop3Protocol protocol = new Pop3Protocol(postOffice, Pop3Fixtures.fastConfig());
    private final EmbeddedChannel channel = connect();

    private EmbeddedChannel connect() {
        ClientConnection client = new ClientConnection("pop3", new InetSocketAddress("192.0.2.1", 40000), false, Optional.empty());
        EmbeddedChannel embedded = new EmbeddedChannel(new ChannelInitializer<EmbeddedChannel>() {
            @Override
            protected void initChannel(EmbeddedChannel ch) {
                protocol.initPipeline(ch.pipeline(), client);
            }
        });
        embedded.freezeTime();
        return embedded;
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    /** Lets held calls and their continuations run until nothing is left to do. */
    private void settle() {
        do {
            postOffice.runHeld();
            channel.runPendingTasks();
        } while (postOffice.heldCalls() > 0);
    }

    private String output() {
        StringBuilder out = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; buf.release()) {
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
        return out.toString();
    }

    private void login() {
        assertThat(output()).isEqualTo(GREETING);
        send("USER " + ALICE + "\r\nPASS " + ALICE_PASSWORD + "\r\n");
        settle();
        assertThat(output()).isEqualTo("+OK send PASS\r\n+OK maildrop has 3 messages (" + TOTAL + " octets)\r\n");
    }

    @Test
    void pipelinedCommandsWaitForTheCallInFlightAndAreAnsweredInOrder() {
        assertThat(output()).isEqualTo(GREETING);
        send("USER " + ALICE + "\r\nPASS " + ALICE_PASSWORD + "\r\nSTAT\r\nNOOP\r\n");
        assertThat(output()).isEqualTo("+OK send PASS\r\n");
        assertThat(postOffice.heldCalls()).isEqualTo(1);

        postOffice.runHeld();
        channel.runPendingTasks();
        assertThat(output()).as("the listing is still in flight").isEmpty();

        settle();
        assertThat(output()).isEqualTo("+OK maildrop has 3 messages (" + TOTAL + " octets)\r\n+OK 3 " + TOTAL + "\r\n+OK\r\n");
    }

    @Test
    void aWrongPasswordIsAnsweredOnlyAfterTheDelay() {
        output();
        send("USER " + ALICE + "\r\nPASS wrong\r\nNOOP\r\n");
        settle();
        assertThat(output()).isEqualTo("+OK send PASS\r\n");

        channel.advanceTimeBy(49, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(output()).isEmpty();

        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(output()).isEqualTo("-ERR [AUTH] Authentication failed\r\n+OK\r\n");
    }

    @Test
    void retrStreamsTheMessageDotStuffedAndTheNextCommandFollowsIt() {
        login();
        send("RETR 2\r\nRETR 3\r\nTOP 1 1\r\n");
        settle();
        assertThat(output()).isEqualTo("+OK " + MESSAGE_2.length() + " octets\r\n"
                + MESSAGE_2.replace("\r\n.", "\r\n..") + ".\r\n"
                + "+OK " + MESSAGE_3.length() + " octets\r\n" + MESSAGE_3 + "\r\n.\r\n"
                + "+OK top of message follows\r\n"
                + "From: bob@example.test\r\nTo: alice@example.test\r\nSubject: Hello\r\n\r\nHi Alice,\r\n.\r\n");
    }

    @Test
    void quitRemovesMarkedMessagesReleasesTheLockAndCloses() {
        login();
        send("DELE 1\r\nQUIT\r\n");
        settle();
        assertThat(output()).isEqualTo("+OK message 1 deleted\r\n+OK pop.example.test POP3 server signing off (2 messages left)\r\n");
        assertThat(maildrops.messages(ALICE)).hasSize(2);
        assertThat(protocol.locks().isLocked(ALICE)).isFalse();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aDroppedConnectionRemovesNothingAndReleasesTheLock() {
        login();
        send("DELE 1\r\nDELE 2\r\n");
        assertThat(protocol.locks().isLocked(ALICE)).isTrue();
        channel.close();
        settle();
        assertThat(maildrops.deleteCalls()).isEmpty();
        assertThat(maildrops.messages(ALICE)).hasSize(3);
        assertThat(protocol.locks().isLocked(ALICE)).isFalse();
    }

    @Test
    void aConnectionDroppedDuringLoginTakesNoLock() {
        output();
        send("USER " + ALICE + "\r\nPASS " + ALICE_PASSWORD + "\r\n");
        channel.close();
        settle();
        assertThat(protocol.locks().isLocked(ALICE)).isFalse();
        assertThat(postOffice.calls()).as("no listing after the connection ended").isEqualTo(1);
    }

    @Test
    void aLineTooLongIsAnsweredInTurnAndTheSessionGoesOn() {
        output();
        send("NOOP\r\n" + "A".repeat(SaslResponse.MAX_OCTETS + 100) + "\r\nNOOP\r\n");
        assertThat(output()).isEqualTo("+OK\r\n-ERR Line too long\r\n+OK\r\n");
        send("USER " + "x".repeat(600) + "\r\n");
        assertThat(output()).isEqualTo("-ERR Line too long\r\n");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void tooManyBadCommandsCloseTheConnection() {
        output();
        send("A\r\nB\r\nC\r\nD\r\nE\r\nNOOP\r\n");
        assertThat(output()).isEqualTo("-ERR Unknown command A\r\n-ERR Unknown command B\r\n-ERR Unknown command C\r\n"
                + "-ERR Unknown command D\r\n-ERR Too many bad commands, closing connection\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anIdleConnectionIsClosedWithoutUpdate() {
        login();
        send("DELE 1\r\n");
        output();
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(channel.isOpen()).isFalse();
        assertThat(maildrops.deleteCalls()).isEmpty();
        assertThat(protocol.locks().isLocked(ALICE)).isFalse();
    }

    @Test
    void theSessionTimeLimitClosesWithoutUpdateButNotInsideACall() {
        login();
        send("DELE 1\r\nRETR 2\r\n");
        channel.pipeline().fireUserEventTriggered(SessionExpiredEvent.INSTANCE);
        assertThat(channel.isOpen()).as("RETR's call is under way").isTrue();
        settle();
        assertThat(output()).startsWith("+OK");

        channel.pipeline().fireUserEventTriggered(SessionExpiredEvent.INSTANCE);

        assertThat(channel.isOpen()).isFalse();
        assertThat(output()).as("RFC 1939 §3: autologout without a response").isEmpty();
        assertThat(maildrops.deleteCalls()).isEmpty();
        assertThat(protocol.locks().isLocked(ALICE)).isFalse();
    }

    @Test
    void theIdleTimerClosesTheConnection() {
        output();
        channel.advanceTimeBy(Pop3Fixtures.fastConfig().idleTimeout().toMillis() + 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aFailingPostOfficeSaysTryAgainLater() {
        login();
        postOffice.with(MaildropListener.class, new BrokenMaildrop());
        send("RETR 1\r\nNOOP\r\n");
        settle();
        assertThat(output()).isEqualTo("-ERR [SYS/TEMP] Temporary failure, try again later\r\n+OK\r\n");
    }

    @Test
    void linesWithBareLineEndsAreRefusedUnread() {
        output();
        send("NOOP\nNOOP\rQUIT\r\nNOOP\r\n");
        assertThat(output()).isEqualTo("-ERR Line must end with CRLF and hold no other CR or LF\r\n"
                + "-ERR Line must end with CRLF and hold no other CR or LF\r\n+OK\r\n");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void linesSplitAnywhereAreReassembled() {
        output();
        for (char c : "US".toCharArray()) {
            send(String.valueOf(c));
        }
        send("ER " + ALICE + "\r");
        assertThat(output()).isEmpty();
        send("\nNO");
        assertThat(output()).isEqualTo("+OK send PASS\r\n");
        send("OP\r\n");
        assertThat(output()).isEqualTo("+OK\r\n");
    }

    @Test
    void pipelinedInputWaitsAsBytesAndReadingPausesWhenThereIsMuch() {
        output();
        String noops = "NOOP\r\n".repeat(Pop3SessionHandler.PAUSE_READING_OCTETS / 6 + 1);
        send("USER " + ALICE + "\r\nPASS " + ALICE_PASSWORD + "\r\n" + noops);
        assertThat(channel.config().isAutoRead()).as("paused while the login is in flight").isFalse();
        settle();
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(output().split("\r\n")).hasSize(2 + noops.length() / 6);
    }
}
