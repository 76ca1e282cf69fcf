package org.posthorn.ejb.store.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.ejb.store.mime.Messages.crlf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.Envelope;
import org.posthorn.spi.imap.Envelope.Address;

/** The envelope and body structure, with every offset checked by slicing the stored octets. */
class MimeStructureParserTest {

    @Test
    void plainMessageWithTraceHeaders() {
        byte[] stored = crlf(Messages.TRACE + Messages.PLAIN);
        StoredStructure s = MimeStructureParser.parse(stored);

        BodyPart body = s.body();
        assertThat(body.type()).isEqualTo("text");
        assertThat(body.subtype()).isEqualTo("plain");
        assertThat(body.parameters()).containsExactly(Map.entry("charset", "us-ascii"));
        assertThat(body.encoding()).isEqualTo("7BIT");
        assertThat(body.headerStart()).isZero();
        assertThat(slice(stored, body.bodyStart(), body.end())).isEqualTo("Shall we meet at noon?\r\nAlice\r\n");
        assertThat(body.lines()).isEqualTo(2);
        assertThat(body.size()).isEqualTo(31);
        assertThat(new String(s.header(), StandardCharsets.UTF_8)).startsWith("Return-Path:").endsWith("\r\n\r\n");

        Envelope e = s.envelope();
        assertThat(e.subject()).isEqualTo("Lunch tomorrow?"); // unfolded
        assertThat(e.date()).isEqualTo("Thu, 26 Nov 2026 09:15:00 +0100");
        assertThat(e.from()).containsExactly(new Address("Alice Example", null, "alice", "sender.example"));
        assertThat(e.sender()).isEqualTo(e.from());
        assertThat(e.replyTo()).isEqualTo(e.from());
        assertThat(e.to()).containsExactly(new Address(null, null, "bob", "example.org"));
        assertThat(e.cc()).isEmpty();
        assertThat(e.inReplyTo()).isNull();
        assertThat(e.messageId()).isEqualTo("<plain-1@sender.example>");
    }

    @Test
    void multipartAlternative() {
        byte[] stored = crlf(Messages.ALTERNATIVE);
        StoredStructure s = MimeStructureParser.parse(stored);

        BodyPart body = s.body();
        assertThat(body.type() + "/" + body.subtype()).isEqualTo("multipart/alternative");
        assertThat(body.parameters()).containsEntry("boundary", "alt-b");
        assertThat(body.children()).hasSize(2);
        BodyPart text = body.children().get(0);
        BodyPart html = body.children().get(1);
        assertThat(slice(stored, text.headerStart(), text.end())).isEqualTo(
                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                        + "Sch=C3=B6ne Gr=C3=BC=C3=9Fe aus der Hauptstadt");
        assertThat(slice(stored, text.bodyStart(), text.end())).isEqualTo("Sch=C3=B6ne Gr=C3=BC=C3=9Fe aus der Hauptstadt");
        assertThat(text.encoding()).isEqualTo("QUOTED-PRINTABLE");
        assertThat(text.lines()).isEqualTo(1);
        assertThat(slice(stored, html.bodyStart(), html.end())).isEqualTo("PGI+U2Now7ZuZSBHcsO8w59lPC9iPg==");
        assertThat(html.encoding()).isEqualTo("BASE64");
        // The multipart's body runs to the end, epilogue included (RFC 3501 BODY[TEXT]).
        assertThat(body.end()).isEqualTo(stored.length);

        Envelope e = s.envelope();
        assertThat(e.subject()).isEqualTo("=?UTF-8?Q?Gr=C3=BC=C3=9Fe?= aus Berlin"); // left encoded
        assertThat(e.from()).containsExactly(new Address("Example, Alice", null, "alice", "sender.example"));
        assertThat(e.to()).containsExactly(new Address("Bob", null, "bob", "example.org"),
                new Address(null, null, "carol", "example.org"));
        assertThat(e.cc()).containsExactly(new Address(null, null, "dave", "example.org"));
        assertThat(BodyText.decode(stored, text)).isEqualTo("Schöne Grüße aus der Hauptstadt");
        assertThat(BodyText.decode(stored, html)).isEqualTo("<b>Schöne Grüße</b>");
    }

    @Test
    void mixedWithAttachment() {
        byte[] stored = crlf(Messages.MIXED);
        BodyPart body = MimeStructureParser.parse(stored).body();

        assertThat(body.children()).extracting(p -> p.type() + "/" + p.subtype())
                .containsExactly("text/plain", "application/pdf");
        BodyPart pdf = body.children().get(1);
        assertThat(pdf.parameters()).containsExactly(Map.entry("name", "report.pdf"));
        assertThat(pdf.disposition()).hasValueSatisfying(d -> {
            assertThat(d.type()).isEqualTo("attachment");
            assertThat(d.parameters()).containsExactly(Map.entry("filename", "report.pdf"));
        });
        assertThat(pdf.id()).isEqualTo("<att1@sender.example>");
        assertThat(pdf.description()).isEqualTo("The report");
        assertThat(pdf.language()).containsExactly("en", "de");
        assertThat(pdf.lines()).isZero(); // only text/* and message/rfc822 count lines
        assertThat(slice(stored, pdf.bodyStart(), pdf.end()))
                .isEqualTo("JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K");
        assertThat(slice(stored, body.children().get(0).bodyStart(), body.children().get(0).end()))
                .isEqualTo("See the attachment.");
    }

    @Test
    void nestedMessageHasItsOwnEnvelopeAndStructure() {
        byte[] stored = crlf(Messages.NESTED);
        BodyPart body = MimeStructureParser.parse(stored).body();

        BodyPart rfc822 = body.children().get(1);
        assertThat(rfc822.type() + "/" + rfc822.subtype()).isEqualTo("message/rfc822");
        assertThat(rfc822.message()).isPresent();
        BodyPart.Encapsulated inner = rfc822.message().get();
        assertThat(inner.envelope().subject()).isEqualTo("Lunch");
        assertThat(inner.envelope().from()).containsExactly(new Address("Alice", null, "alice", "sender.example"));
        assertThat(inner.body().headerStart()).isEqualTo(rfc822.bodyStart());
        assertThat(inner.body().end()).isEqualTo(rfc822.end());
        assertThat(inner.body().children()).hasSize(2);
        assertThat(slice(stored, inner.body().children().get(0).bodyStart(), inner.body().children().get(0).end()))
                .isEqualTo("Noon?");
        assertThat(slice(stored, inner.body().children().get(1).bodyStart(), inner.body().children().get(1).end()))
                .isEqualTo("<p>Noon?</p>");
        // The blank line before the close delimiter belongs to the encapsulated message.
        assertThat(slice(stored, rfc822.bodyStart(), rfc822.end())).startsWith("From: Alice").endsWith("--inner--\r\n");
        assertThat(rfc822.lines()).isEqualTo(14);
    }

    @Test
    void malformedBoundaryFallsBackToOneTextPart() {
        byte[] stored = crlf(Messages.BROKEN_BOUNDARY);
        StoredStructure s = MimeStructureParser.parse(stored);

        assertThat(s.body().type() + "/" + s.body().subtype()).isEqualTo("text/plain");
        assertThat(s.body().children()).isEmpty();
        assertThat(slice(stored, s.body().bodyStart(), s.body().end())).startsWith("--other-boundary").endsWith("text\r\n");
        assertThat(s.envelope().subject()).isEqualTo("broken");
    }

    @Test
    void unterminatedMultipartRunsToTheEnd() {
        byte[] stored = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond\n");
        BodyPart body = MimeStructureParser.parse(stored).body();

        assertThat(body.children()).hasSize(2);
        assertThat(slice(stored, body.children().get(0).bodyStart(), body.children().get(0).end())).isEqualTo("first");
        assertThat(slice(stored, body.children().get(1).bodyStart(), body.children().get(1).end())).isEqualTo("second\r\n");
    }

    @Test
    void boundaryPrefixOfAnotherLineIsNotADelimiter() {
        byte[] stored = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--bb not ours\n--b--\n");
        BodyPart body = MimeStructureParser.parse(stored).body();

        assertThat(body.children()).hasSize(1);
        assertThat(slice(stored, body.children().get(0).bodyStart(), body.children().get(0).end()))
                .isEqualTo("one\r\n--bb not ours");
    }

    @Test
    void groupsRoutesCommentsAndEncodedNames() {
        Envelope e = MimeStructureParser.parse(crlf(Messages.GROUPS)).envelope();

        assertThat(e.from()).containsExactly(new Address("=?ISO-8859-1?Q?Andr=E9?= Pirard", null, "PIRARD", "vm1.ulg.ac.be"));
        assertThat(e.sender()).containsExactly(new Address(null, null, "secretary", "example.org"));
        assertThat(e.replyTo()).containsExactly(new Address(null, null, "replies", "example.org"));
        assertThat(e.to()).containsExactly(
                new Address(null, null, "A Group", null),
                new Address("Ed Jones", null, "c", "a.test"),
                new Address(null, null, "joe", "where.test"),
                new Address("John", null, "jdoe", "one.test"),
                new Address(null, null, null, null),
                new Address(null, null, "Undisclosed recipients", null),
                new Address(null, null, null, null));
        assertThat(e.cc()).containsExactly(new Address("Joe Q. Public", null, "john.q.public", "example.com"),
                new Address("Jane Doe", null, "jane", "example.com"));
        assertThat(e.bcc()).containsExactly(new Address(null, "@route1,@route2", "user", "host.example"));
        assertThat(e.inReplyTo()).isEqualTo("<parent@example.org>");
        assertThat(e.subject()).isEqualTo("=?UTF-8?B?8J+Ukw==?= groups");
    }

    @Test
    void headersOnlyHasAnEmptyBody() {
        byte[] stored = crlf(Messages.HEADERS_ONLY);
        BodyPart body = MimeStructureParser.parse(stored).body();

        assertThat(body.bodyStart()).isEqualTo(stored.length);
        assertThat(body.end()).isEqualTo(stored.length);
        assertThat(body.lines()).isZero();
    }

    @Test
    void bareLfMessagesAreCutToo() {
        byte[] stored = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nx\n--b--\n"
                .getBytes(StandardCharsets.US_ASCII);
        BodyPart body = MimeStructureParser.parse(stored).body();

        assertThat(body.children()).hasSize(1);
        assertThat(slice(stored, body.children().get(0).bodyStart(), body.children().get(0).end())).isEqualTo("x");
    }

    @Test
    void absurdNestingIsCutOffWithoutFailing() {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            message.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        message.append("\ndeep\n");
        StoredStructure s = MimeStructureParser.parse(crlf(message.toString()));

        int depth = 0;
        for (BodyPart part = s.body(); !part.children().isEmpty(); part = part.children().get(0)) {
            depth++;
        }
        assertThat(depth).isEqualTo(MimeStructureParser.MAX_DEPTH);
    }

    @Test
    void addressListEdgeCases() {
        assertThat(AddressListParser.parse(null)).isEmpty();
        assertThat(AddressListParser.parse("")).isEmpty();
        assertThat(AddressListParser.parse("\"quoted\\\"local\"@example.org"))
                .containsExactly(new Address(null, null, "quoted\"local", "example.org"));
        assertThat(AddressListParser.parse("Unterminated group: a@b.example"))
                .containsExactly(new Address(null, null, "Unterminated group", null), new Address(null, null, "a", "b.example"),
                        new Address(null, null, null, null));
        assertThat(AddressListParser.parse("undisclosed-recipients"))
                .containsExactly(new Address(null, null, "undisclosed-recipients", ""));
    }

    static String slice(byte[] stored, long from, long to) {
        return new String(Arrays.copyOfRange(stored, (int) from, (int) to), StandardCharsets.UTF_8);
    }

    static List<BodyPart> leaves(BodyPart part) {
        return part.children().isEmpty() ? List.of(part) : part.children().stream().flatMap(c -> leaves(c).stream()).toList();
    }
}
