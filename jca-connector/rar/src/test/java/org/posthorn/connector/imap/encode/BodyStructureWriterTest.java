package org.posthorn.connector.imap.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.imap.encode.Parts.part;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.Envelope;

/** BODY and BODYSTRUCTURE against {@code bodystructure.golden}. */
class BodyStructureWriterTest extends GoldenFile {

    @Override
    String file() {
        return "bodystructure.golden";
    }

    /** The inputs, by case name; the expected output of each is in the golden file. */
    @Override
    Map<String, String> actual() {
        Map<String, String> out = new LinkedHashMap<>();
        both(out, "nested message", SampleMessage.STRUCTURE);
        both(out, "alternative", alternative());
        both(out, "single text with every field", part("text", "plain").param("charset", "us-ascii")
                .param("format", "flowed").id("<part1@example.org>").description("the \"main\" text")
                .encoding("QUOTED-PRINTABLE").md5("Q2hlY2sgSW50ZWdyaXR5IQ==").language("en", "de")
                .location("http://example.org/a\\b").lines(3).size(120).build());
        both(out, "attachment with an 8-bit file name", part("multipart", "mixed").param("boundary", "b1")
                .children(part("text", "plain").param("charset", "utf-8").encoding("8BIT").lines(1).size(12).build(),
                        part("application", "pdf").param("name", "Prüfung.pdf").encoding("BASE64")
                                .disposition("attachment", Map.of("filename", "Prüfung.pdf")).language("de")
                                .size(4096).build())
                .build());
        both(out, "inline image without parameters", part("image", "png").encoding("BASE64")
                .disposition("inline", Map.of()).id("<img1>").size(300).build());
        both(out, "message without a multipart inside", part("message", "rfc822").lines(4).size(90)
                .message(new Envelope("Mon, 2 Nov 2026 08:00:00 +0100", "Hi", List.of(), List.of(), List.of(),
                                List.of(), List.of(), List.of(), null, "<m@x>"),
                        part("text", "plain").lines(1).size(4).build())
                .build());
        both(out, "multipart without parts", part("multipart", "mixed").param("boundary", "x").build());
        // RFC 2045 §5.2: a text part is us-ascii unless it says otherwise, and BODYSTRUCTURE says so
        both(out, "text without parameters", part("text", "html").lines(2).size(40).build());
        both(out, "text with parameters but no charset", part("text", "plain").param("format", "flowed")
                .param("delsp", "yes").lines(1).size(30).build());
        return out;
    }

    private static BodyPart alternative() {
        return part("multipart", "alternative").param("boundary", "d3438gr7324")
                .children(part("text", "plain").param("charset", "iso-8859-1").encoding("QUOTED-PRINTABLE")
                                .lines(63).size(2234).build(),
                        part("text", "html").param("charset", "iso-8859-1").encoding("QUOTED-PRINTABLE")
                                .lines(52).size(2987).build())
                .build();
    }

    private static void both(Map<String, String> out, String name, BodyPart body) {
        out.put(name + " BODYSTRUCTURE", BodyStructureWriter.write(body, true));
        out.put(name + " BODY", BodyStructureWriter.write(body, false));
    }
}
