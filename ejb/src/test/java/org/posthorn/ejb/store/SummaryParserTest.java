package org.posthorn.ejb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SummaryParserTest {

    private static final String MULTIPART = String.join("\r\n",
            "Return-Path: <alice@sender.example>",
            "From: =?UTF-8?Q?J=C3=B6rg_M=C3=BCller?= <joerg@sender.example>",
            "To: Bob <bob@example.org>,",
            " carol@example.org",
            "Cc: dave@example.org",
            "Subject: =?ISO-8859-1?Q?Gr=FC=DFe?= aus",
            " Berlin",
            "Date: Tue, 3 Nov 2026 09:05:07 +0100",
            "Message-ID: <1234@sender.example>",
            "MIME-Version: 1.0",
            "Content-Type: Multipart/Mixed; boundary=\"XYZ\"",
            "",
            "--XYZ",
            "Content-Type: text/plain; charset=UTF-8",
            "Subject: not the message's subject",
            "",
            "Hallo Bob",
            "--XYZ",
            "Content-Type: application/pdf; name=a.pdf",
            "Content-Transfer-Encoding: base64",
            "",
            "JVBERi0xLjQK",
            "--XYZ--",
            "");

    @Test
    void readsTheTopLevelHeadersOfAMultipartMessage() {
        MessageSummary summary = SummaryParser.parse(MULTIPART.getBytes(StandardCharsets.US_ASCII));

        assertThat(summary.getSubject()).isEqualTo("Grüße aus Berlin");
        assertThat(summary.getFrom()).isEqualTo("Jörg Müller <joerg@sender.example>");
        assertThat(summary.getTo()).isEqualTo("Bob <bob@example.org>, carol@example.org");
        assertThat(summary.getCc()).isEqualTo("dave@example.org");
        assertThat(summary.getDate()).isEqualTo("Tue, 3 Nov 2026 09:05:07 +0100");
        assertThat(summary.getSentAt()).isEqualTo(Instant.parse("2026-11-03T08:05:07Z"));
        assertThat(summary.getMessageId()).isEqualTo("<1234@sender.example>");
        assertThat(summary.getContentType()).isEqualTo("multipart/mixed");
    }

    @Test
    void aMessageWithoutHeadersHasAnEmptySummaryWithTheDefaultType() {
        MessageSummary summary = SummaryParser.parse("\r\njust a body\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(summary.getSubject()).isNull();
        assertThat(summary.getFrom()).isNull();
        assertThat(summary.getSentAt()).isNull();
        assertThat(summary.getContentType()).isEqualTo("text/plain");
    }

    @Test
    void malformedFieldsAreKeptRawOrLeftOutButNeverFail() {
        String message = "Subject: =?x-unknown-charset?Q?abc?=\r\n"
                + "Date: yesterday-ish\r\n"
                + "Content-Type: ;;;\r\n"
                + "\r\nbody\r\n";

        MessageSummary summary = SummaryParser.parse(message.getBytes(StandardCharsets.US_ASCII));

        assertThat(summary.getSubject()).isEqualTo("=?x-unknown-charset?Q?abc?=");
        assertThat(summary.getDate()).isEqualTo("yesterday-ish");
        assertThat(summary.getSentAt()).isNull();
        assertThat(summary.getContentType()).isNull();
    }

    @Test
    void aHugeSubjectIsCutToItsColumn() {
        String message = "Subject: " + "s".repeat(10_000) + "\r\n\r\n";

        MessageSummary summary = SummaryParser.parse(message.getBytes(StandardCharsets.US_ASCII));

        assertThat(summary.getSubject()).hasSize(MessageSummary.MAX_TEXT);
    }

    @Test
    void rawUtf8HeadersAreReadAsUtf8() {
        // RFC 6532 allows UTF-8 in header fields.
        String message = "Subject: Grüße\r\n\r\n";

        MessageSummary summary = SummaryParser.parse(message.getBytes(StandardCharsets.UTF_8));

        assertThat(summary.getSubject()).isEqualTo("Grüße");
    }
}
