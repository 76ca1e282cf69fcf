package org.posthorn.connector.imap.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.imap.encode.ImapResponse.Status;
import org.posthorn.spi.imap.Envelope;

class ImapResponseEncoderTest {

    /** Writes through the encoder on a channel, as on a connection, and returns the bytes as ISO-8859-1. */
    private static String written(ImapResponse... responses) {
        EmbeddedChannel channel = new EmbeddedChannel(new ImapResponseEncoder());
        for (ImapResponse response : responses) {
            assertThat(channel.writeAndFlush(response).isSuccess()).isTrue();
        }
        StringBuilder out = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; buf.release()) {
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
        channel.finishAndReleaseAll();
        return out.toString();
    }

    private static String utf8AsLatin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesTaggedResponses() {
        assertThat(written(new ImapResponse.Tagged("a1", Status.OK, Optional.empty(), "LOGIN completed")))
                .isEqualTo("a1 OK LOGIN completed\r\n");
        assertThat(written(new ImapResponse.Tagged("A003", Status.OK, Optional.of("APPENDUID 38505 3955"),
                "APPEND completed"))).isEqualTo("A003 OK [APPENDUID 38505 3955] APPEND completed\r\n");
        assertThat(written(new ImapResponse.Tagged("x", Status.NO, Optional.of("TRYCREATE"), "No such mailbox")))
                .isEqualTo("x NO [TRYCREATE] No such mailbox\r\n");
        assertThat(written(new ImapResponse.Tagged("x", Status.BAD, Optional.empty(), "")))
                .isEqualTo("x BAD \r\n");
    }

    @Test
    void writesUntaggedStatusResponses() {
        assertThat(written(new ImapResponse.Untagged(Status.OK, Optional.of("UIDVALIDITY 3857529045"), "UIDs valid")))
                .isEqualTo("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n");
        assertThat(written(new ImapResponse.Untagged(Status.BYE, Optional.empty(), "Logging out")))
                .isEqualTo("* BYE Logging out\r\n");
        assertThat(written(new ImapResponse.Untagged(Status.PREAUTH, Optional.of("CAPABILITY IMAP4rev1"), "Hi")))
                .isEqualTo("* PREAUTH [CAPABILITY IMAP4rev1] Hi\r\n");
    }

    @Test
    void writesDataAsIsInUtf8() {
        assertThat(written(new ImapResponse.Data("3 EXISTS"))).isEqualTo("* 3 EXISTS\r\n");
        assertThat(written(new ImapResponse.Data("LIST (\\HasNoChildren) \"/\" " + ImapStrings.astring("Entwürfe"))))
                .isEqualTo(utf8AsLatin1("* LIST (\\HasNoChildren) \"/\" {9}\r\nEntwürfe\r\n"));
    }

    @Test
    void writesContinuations() {
        assertThat(written(new ImapResponse.Continuation("Ready for literal data")))
                .isEqualTo("+ Ready for literal data\r\n");
        assertThat(written(new ImapResponse.Continuation(""))).isEqualTo("+ \r\n");
    }

    @Test
    void echoedTextAndCodesCannotInjectALine() {
        assertThat(written(new ImapResponse.Tagged("a1", Status.BAD, Optional.of("PARSE\r\n* 1 EXISTS"),
                "Unknown command FOO\r\na2 OK injected")))
                .isEqualTo("a1 BAD [PARSE* 1 EXISTS] Unknown command FOOa2 OK injected\r\n");
        assertThat(written(new ImapResponse.Untagged(Status.NO, Optional.empty(), "x\ry\nz")))
                .isEqualTo("* NO xyz\r\n");
        assertThat(written(new ImapResponse.Continuation("c\r\n+ again"))).isEqualTo("+ c+ again\r\n");
    }

    @Test
    void writesAFetchResponseWithLiterals() {
        byte[] header = "Subject: hi\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        ImapResponse fetch = new ImapResponse.FetchData(12, List.of(
                new FetchItem.Uid(7),
                new FetchItem.Flags(List.of("\\Seen", "$Forwarded")),
                new FetchItem.ModSeq(12),
                new FetchItem.InternalDate(Instant.parse("2026-11-07T09:05:01Z")),
                new FetchItem.Size(4096),
                new FetchItem.Body("BODY[HEADER]", Optional.of(header)),
                new FetchItem.Body("BODY[1.2]", Optional.empty()),
                new FetchItem.Body("BODY[]<0>", Optional.of(new byte[0]))));
        assertThat(written(fetch)).isEqualTo("* 12 FETCH (UID 7 FLAGS (\\Seen $Forwarded) MODSEQ (12) "
                + "INTERNALDATE \" 7-Nov-2026 09:05:01 +0000\" RFC822.SIZE 4096 "
                + "BODY[HEADER] {15}\r\nSubject: hi\r\n\r\n BODY[1.2] NIL BODY[]<0> {0}\r\n)\r\n");
    }

    @Test
    void writesDatesInUtcWithTwoDigitDays() {
        ImapResponse fetch = new ImapResponse.FetchData(1, List.of(
                new FetchItem.InternalDate(Instant.parse("2026-12-24T23:30:00Z")), new FetchItem.Flags(List.of())));
        assertThat(written(fetch)).isEqualTo("* 1 FETCH (INTERNALDATE \"24-Dec-2026 23:30:00 +0000\" FLAGS ())\r\n");
    }

    @Test
    void writesEnvelopeAndStructureItems() {
        Envelope envelope = new Envelope(null, "Grüße", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), null, "<m@x>");
        ImapResponse fetch = new ImapResponse.FetchData(2, List.of(new FetchItem.EnvelopeItem(envelope),
                new FetchItem.Structure(Parts.part("text", "plain").lines(1).size(5).build(), false),
                new FetchItem.Structure(Parts.part("text", "plain").lines(1).size(5).build(), true)));
        assertThat(written(fetch)).isEqualTo(utf8AsLatin1("* 2 FETCH (ENVELOPE (NIL {7}\r\nGrüße NIL NIL NIL NIL NIL "
                + "NIL NIL \"<m@x>\") BODY (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 5 1) "
                + "BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 5 1 NIL NIL NIL NIL))\r\n"));
    }

    @Test
    void bodyOctetsGoOutAsIsWithoutACopy() {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        ByteBuf buf = ImapResponseEncoder.encode(new ImapResponse.FetchData(3,
                List.of(new FetchItem.Body("BODY[TEXT]", Optional.of(body)))));
        try {
            assertThat(buf).isInstanceOf(CompositeByteBuf.class);
            CompositeByteBuf composite = (CompositeByteBuf) buf;
            assertThat(composite.numComponents()).isEqualTo(3);
            assertThat(composite.component(1).array()).isSameAs(body);
            byte[] all = new byte[buf.readableBytes()];
            buf.getBytes(0, all);
            String prefix = "* 3 FETCH (BODY[TEXT] {256}\r\n";
            assertThat(new String(all, 0, prefix.length(), StandardCharsets.US_ASCII)).isEqualTo(prefix);
            assertThat(java.util.Arrays.copyOfRange(all, prefix.length(), prefix.length() + 256)).isEqualTo(body);
            assertThat(new String(all, prefix.length() + 256, 3, StandardCharsets.US_ASCII)).isEqualTo(")\r\n");
        } finally {
            buf.release();
        }
    }

    @Test
    void oneEncoderServesManyChannels() {
        ImapResponseEncoder shared = new ImapResponseEncoder();
        EmbeddedChannel first = new EmbeddedChannel(shared);
        EmbeddedChannel second = new EmbeddedChannel(shared);
        assertThat(shared.isSharable()).isTrue();
        assertThat(first.finishAndReleaseAll() | second.finishAndReleaseAll()).isFalse();
    }
}
