package org.posthorn.connector.imap.encode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.posthorn.spi.imap.Envelope;
import org.posthorn.spi.imap.Envelope.Address;

/** ENVELOPE against {@code envelope.golden}. */
class EnvelopeWriterTest extends GoldenFile {

    private static final Address ALICE = new Address("Alice Example", null, "alice", "example.org");
    private static final Address BOB = new Address(null, null, "bob", "example.net");

    @Override
    String file() {
        return "envelope.golden";
    }

    /** The inputs, by case name; the expected output of each is in the golden file. */
    @Override
    Map<String, String> actual() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("every field", EnvelopeWriter.write(new Envelope("Fri, 27 Nov 2026 10:00:00 +0000",
                "Re: Holiday photos", List.of(ALICE), List.of(ALICE), List.of(ALICE), List.of(BOB, ALICE),
                List.of(new Address(null, "@relay.example", "carol", "example.com")), List.of(BOB),
                "<parent@example.org>", "<child@example.org>")));
        out.put("nothing but defaults", EnvelopeWriter.write(new Envelope(null, null, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, null)));
        out.put("groups", EnvelopeWriter.write(new Envelope(null, "groups", List.of(ALICE), List.of(ALICE),
                List.of(ALICE),
                List.of(new Address(null, null, "undisclosed-recipients", null), new Address(null, null, null, null)),
                List.of(new Address(null, null, "team", null), BOB, ALICE, new Address(null, null, null, null), BOB),
                List.of(), null, null)));
        out.put("quotes and backslashes", EnvelopeWriter.write(new Envelope(null,
                "say \"hi\" to C:\\temp", List.of(new Address("\"Bob\" \\o/", null, "bob", "example.net")),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null)));
        out.put("raw UTF-8 goes as literals", EnvelopeWriter.write(new Envelope(null, "Grüße aus Köln",
                List.of(new Address("Jörg", null, "jörg", "bücher.example")), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, null)));
        out.put("encoded words and an empty subject", EnvelopeWriter.write(new Envelope(null, "",
                List.of(new Address("=?UTF-8?Q?J=C3=B6rg?=", null, "joerg", "example.de")), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null)));
        return out;
    }
}
