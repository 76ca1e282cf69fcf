package org.posthorn.connector.imap.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.imap.encode.Parts.part;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.imap.decode.FetchAttribute.Partial;
import org.posthorn.connector.imap.decode.FetchAttribute.Section;
import org.posthorn.connector.imap.decode.FetchAttribute.Text;
import org.posthorn.spi.imap.BodyPart;

class SectionReaderTest {

    private static Section section(Text text, Long... part) {
        return new Section(Arrays.asList(part), text, List.of());
    }

    private static Section fields(Text text, List<String> names, Long... part) {
        return new Section(Arrays.asList(part), text, names);
    }

    private static Optional<String> read(Section section) {
        return read(SampleMessage.BYTES, SampleMessage.STRUCTURE, section);
    }

    private static Optional<String> read(byte[] message, BodyPart structure, Section section) {
        return SectionReader.read(message, structure, section).map(b -> new String(b, StandardCharsets.ISO_8859_1));
    }

    @Test
    void theWholeMessageIsTheStoredArrayItself() {
        assertThat(SectionReader.read(SampleMessage.BYTES, SampleMessage.STRUCTURE, section(Text.ALL)))
                .hasValueSatisfying(octets -> assertThat(octets).isSameAs(SampleMessage.BYTES));
    }

    @Test
    void headerAndTextOfTheMessage() {
        assertThat(read(section(Text.HEADER))).hasValueSatisfying(header -> {
            assertThat(header).startsWith("From: Alice <alice@example.org>\r\n");
            assertThat(header).endsWith("Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n");
        });
        assertThat(read(section(Text.TEXT))).hasValueSatisfying(text -> {
            assertThat(text).startsWith("Preamble.\r\n--outer\r\n");
            assertThat(text).endsWith("--outer--\r\nEpilogue.\r\n");
        });
    }

    @Test
    void numberedPartsAreTheirBodies() {
        assertThat(read(section(Text.ALL, 1L))).hasValue("Hello Bob,\r\nsee below.");
        assertThat(read(section(Text.ALL, 3L))).hasValue("JVBERi0xLjQK");
        assertThat(read(section(Text.ALL, 2L, 1L))).hasValue("plain text");
        assertThat(read(section(Text.ALL, 2L, 2L))).hasValue("<p>html</p>");
    }

    @Test
    void aMessagePartIsTheWholeEncapsulatedMessage() {
        assertThat(read(section(Text.ALL, 2L))).hasValueSatisfying(inner -> {
            assertThat(inner).startsWith("From: Carol <carol@example.com>\r\nSubject: Inner\r\n");
            assertThat(inner).endsWith("<p>html</p>\r\n--inner--\r\n");
        });
    }

    @Test
    void mimeIsThePartsOwnHeaderWithTheBlankLine() {
        assertThat(read(section(Text.MIME, 1L))).hasValue("Content-Type: text/plain; charset=utf-8\r\n\r\n");
        assertThat(read(section(Text.MIME, 2L)))
                .hasValue("Content-Type: message/rfc822\r\nContent-Description: forwarded\r\n\r\n");
        assertThat(read(section(Text.MIME, 2L, 2L))).hasValue("Content-Type: text/html\r\n\r\n");
    }

    @Test
    void headerAndTextOfAMessagePartAddressTheEncapsulatedMessage() {
        assertThat(read(section(Text.HEADER, 2L))).hasValue("From: Carol <carol@example.com>\r\nSubject: Inner\r\n"
                + "Content-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n");
        assertThat(read(section(Text.TEXT, 2L))).hasValueSatisfying(text ->
                assertThat(text).startsWith("--inner\r\nContent-Type: text/plain\r\n").endsWith("--inner--\r\n"));
        assertThat(read(fields(Text.HEADER_FIELDS, List.of("subject"), 2L))).hasValue("Subject: Inner\r\n\r\n");
    }

    @Test
    void headerAndTextOfAPartThatIsNoMessageAreNil() {
        assertThat(read(section(Text.HEADER, 1L))).isEmpty();
        assertThat(read(section(Text.TEXT, 3L))).isEmpty();
        assertThat(read(fields(Text.HEADER_FIELDS, List.of("From"), 2L, 1L))).isEmpty();
    }

    @Test
    void partsThatDoNotExistAreNil() {
        assertThat(read(section(Text.ALL, 4L))).isEmpty();
        assertThat(read(section(Text.ALL, 2L, 3L))).isEmpty();
        assertThat(read(section(Text.ALL, 1L, 1L))).isEmpty();
        assertThat(read(section(Text.MIME, 9L, 1L))).isEmpty();
        assertThat(read(section(Text.ALL, 0L))).isEmpty();
    }

    @Test
    void headerFieldsKeepMessageOrderContinuationsAndTheirOwnCase() {
        assertThat(read(fields(Text.HEADER_FIELDS, List.of("SUBJECT", "from", "X-TAG", "Cc"))))
                .hasValue("From: Alice <alice@example.org>\r\nSubject: Holiday\r\n photos\r\n"
                        + "X-Tag: one\r\n\ttwo\r\n\r\n");
        assertThat(read(fields(Text.HEADER_FIELDS, List.of("Date"))))
                .hasValue("date: Fri, 27 Nov 2026 10:00:00 +0000\r\n\r\n");
        assertThat(read(fields(Text.HEADER_FIELDS, List.of("Cc")))).hasValue("\r\n");
    }

    @Test
    void headerFieldsNotAreAllTheOthers() {
        assertThat(read(fields(Text.HEADER_FIELDS_NOT,
                List.of("subject", "x-tag", "message-id", "mime-version", "content-type", "DATE"))))
                .hasValue("From: Alice <alice@example.org>\r\nTo: Bob <bob@example.net>\r\n\r\n");
    }

    @Test
    void headerFieldNamesEndAtTheColonAndFoldOnlyAsciiCase() {
        String text = "Subject : spaced\r\nX-ſ: long s\r\nX-S: s\r\nno colon here\r\n\r\nbody\r\n";
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        int body = text.substring(0, text.indexOf("body")).getBytes(StandardCharsets.UTF_8).length;
        BodyPart structure = part("text", "plain").span(0, body, message.length).build();
        assertThat(read(message, structure, fields(Text.HEADER_FIELDS, List.of("subject", "x-s"))))
                .hasValue("Subject : spaced\r\nX-S: s\r\n\r\n");
        assertThat(read(message, structure, fields(Text.HEADER_FIELDS_NOT, List.of("subject", "x-s"))))
                .hasValue(new String("X-ſ: long s\r\nno colon here\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.ISO_8859_1));
    }

    @Test
    void partOneOfASinglePartMessageIsItsBody() {
        String text = "Subject: one\r\nContent-Type: text/plain\r\n\r\nline 1\r\nline 2\r\n";
        byte[] message = text.getBytes(StandardCharsets.US_ASCII);
        BodyPart structure = part("text", "plain").span(0, text.indexOf("line 1"), message.length).build();
        assertThat(read(message, structure, section(Text.ALL, 1L))).hasValue("line 1\r\nline 2\r\n");
        assertThat(read(message, structure, section(Text.TEXT))).hasValue("line 1\r\nline 2\r\n");
        assertThat(read(message, structure, section(Text.ALL, 2L))).isEmpty();
    }

    @Test
    void aMessageWithoutBodyHasNoBlankLineInItsHeader() {
        String text = "Subject: no body\r\n";
        byte[] message = text.getBytes(StandardCharsets.US_ASCII);
        BodyPart structure = part("text", "plain").span(0, message.length, message.length).build();
        assertThat(read(message, structure, section(Text.HEADER))).hasValue("Subject: no body\r\n");
        assertThat(read(message, structure, section(Text.TEXT))).hasValue("");
        assertThat(read(message, structure, fields(Text.HEADER_FIELDS, List.of("Subject"))))
                .hasValue("Subject: no body\r\n\r\n");
    }

    @Test
    void offsetsBeyondTheMessageAreClamped() {
        byte[] message = "Subject: x\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII);
        BodyPart structure = part("text", "plain").span(0, 14, 4096).build();
        assertThat(read(message, structure, section(Text.TEXT))).hasValue("body");
    }

    @Test
    void partialsCutFromTheOffset() {
        byte[] octets = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(SectionReader.partial(octets, new Partial(0, 4))).containsExactly('0', '1', '2', '3');
        assertThat(SectionReader.partial(octets, new Partial(3, 2))).containsExactly('3', '4');
        assertThat(SectionReader.partial(octets, new Partial(8, 100))).containsExactly('8', '9');
        assertThat(SectionReader.partial(octets, new Partial(2, Long.MAX_VALUE))).hasSize(8);
        assertThat(SectionReader.partial(octets, new Partial(10, 5))).isEmpty();
        assertThat(SectionReader.partial(octets, new Partial(Long.MAX_VALUE, 1))).isEmpty();
    }
}
