package org.posthorn.connector.imap.encode;

import static org.posthorn.connector.imap.encode.Parts.part;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.Envelope;

/**
 * A real multipart/mixed message (text, a forwarded message/rfc822 holding a multipart/alternative,
 * a base64 attachment) and its structure, whose offsets are found in the text rather than typed in.
 * ASCII only, so character indices are byte offsets.
 */
final class SampleMessage {

    static final String TEXT = String.join("\r\n",
            "From: Alice <alice@example.org>",
            "To: Bob <bob@example.net>",
            "Subject: Holiday",
            " photos",
            "date: Fri, 27 Nov 2026 10:00:00 +0000",
            "X-Tag: one",
            "\ttwo",
            "Message-ID: <outer@example.org>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "Preamble.",
            "--outer",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "Hello Bob,",
            "see below.",
            "--outer",
            "Content-Type: message/rfc822",
            "Content-Description: forwarded",
            "",
            "From: Carol <carol@example.com>",
            "Subject: Inner",
            "Content-Type: multipart/alternative; boundary=\"inner\"",
            "",
            "--inner",
            "Content-Type: text/plain",
            "",
            "plain text",
            "--inner",
            "Content-Type: text/html",
            "",
            "<p>html</p>",
            "--inner--",
            "",
            "--outer",
            "Content-Type: application/pdf; name=\"a.pdf\"",
            "Content-Disposition: attachment; filename=\"a.pdf\"",
            "Content-Transfer-Encoding: base64",
            "",
            "JVBERi0xLjQK",
            "--outer--",
            "Epilogue.",
            "");

    static final byte[] BYTES = TEXT.getBytes(StandardCharsets.US_ASCII);

    static final Envelope INNER_ENVELOPE = new Envelope(null, "Inner",
            List.of(new Envelope.Address("Carol", null, "carol", "example.com")),
            List.of(new Envelope.Address("Carol", null, "carol", "example.com")),
            List.of(new Envelope.Address("Carol", null, "carol", "example.com")),
            List.of(), List.of(), List.of(), null, null);

    static final BodyPart STRUCTURE = structure();

    private SampleMessage() {
    }

    private static BodyPart structure() {
        int topBody = bodyStart(0);
        int first = after("--outer\r\n", topBody);
        int second = after("--outer\r\n", first);
        int third = after("--outer\r\n", second);

        BodyPart text = leaf(part("text", "plain").param("charset", "utf-8"), first, "\r\n--outer");
        BodyPart inner = innerMessage(bodyStart(second), end(bodyStart(second), "\r\n--outer"));
        BodyPart forwarded = leaf(part("message", "rfc822").description("forwarded")
                .message(INNER_ENVELOPE, inner), second, "\r\n--outer");
        BodyPart pdf = leaf(part("application", "pdf").param("name", "a.pdf").encoding("BASE64")
                .disposition("attachment", java.util.Map.of("filename", "a.pdf")), third, "\r\n--outer");
        return part("multipart", "mixed").param("boundary", "outer").span(0, topBody, TEXT.length())
                .children(text, forwarded, pdf).build();
    }

    /** The encapsulated message: its header starts where the message/rfc822 part's body does. */
    private static BodyPart innerMessage(int start, int end) {
        int body = bodyStart(start);
        int first = after("--inner\r\n", body);
        int second = after("--inner\r\n", first);
        return part("multipart", "alternative").param("boundary", "inner").span(start, body, end)
                .children(leaf(part("text", "plain"), first, "\r\n--inner"),
                        leaf(part("text", "html"), second, "\r\n--inner"))
                .build();
    }

    /** A part whose header starts at {@code start} and whose body ends where {@code delimiter} begins. */
    private static BodyPart leaf(Parts part, int start, String delimiter) {
        int body = bodyStart(start);
        int end = end(body, delimiter);
        return part.span(start, body, end).lines(lines(TEXT.substring(body, end))).build();
    }

    private static int bodyStart(int headerStart) {
        return after("\r\n\r\n", headerStart);
    }

    private static int end(int from, String delimiter) {
        int at = TEXT.indexOf(delimiter, from);
        if (at < 0) {
            throw new IllegalStateException("no " + delimiter + " after " + from);
        }
        return at;
    }

    private static int after(String marker, int from) {
        return end(from, marker) + marker.length();
    }

    /** Lines of a body: CRLFs, and one more for a last line without its CRLF. */
    private static long lines(String body) {
        long crlf = body.split("\r\n", -1).length - 1;
        return body.isEmpty() || body.endsWith("\r\n") ? crlf : crlf + 1;
    }
}
