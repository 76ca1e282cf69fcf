package org.posthorn.ejb.store.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.posthorn.spi.imap.BodyPart;

/**
 * Mangled messages (bytes flipped, lines cut, boundaries broken, truncated anywhere) never make the
 * parser fail, and every offset it reports stays ordered and inside the message.
 */
class MimeStructureFuzzTest {

    private static final byte[] NOISE = "\r\n-:;=\"<>@(), boundary=b\r\n--".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void mangledMessagesParseWithSaneOffsets() {
        Random random = new Random(20261127);
        List<String> samples = List.of(Messages.PLAIN, Messages.ALTERNATIVE, Messages.MIXED, Messages.NESTED,
                Messages.BROKEN_BOUNDARY, Messages.GROUPS, Messages.HEADERS_ONLY);
        int parsed = 0;
        for (String sample : samples) {
            byte[] original = Messages.crlf(Messages.TRACE + sample);
            for (int round = 0; round < 300; round++) {
                byte[] mangled = mangle(original, random);
                StoredStructure structure = MimeStructureParser.parse(mangled);
                assertSane(structure.body(), 0, mangled.length);
                assertThat(StructureCodec.decode(StructureCodec.encode(structure))).hasValueSatisfying(back -> {
                    assertThat(back.envelope()).isEqualTo(structure.envelope());
                    assertThat(back.body()).isEqualTo(structure.body());
                    assertThat(back.header()).isEqualTo(structure.header());
                });
                parsed++;
            }
        }
        assertThat(parsed).isEqualTo(samples.size() * 300);
    }

    private static void assertSane(BodyPart part, long from, long to) {
        assertThat(part.headerStart()).isBetween(from, to);
        assertThat(part.bodyStart()).isBetween(part.headerStart(), to);
        assertThat(part.end()).isBetween(part.bodyStart(), to);
        for (BodyPart child : part.children()) {
            assertSane(child, part.bodyStart(), part.end());
        }
        part.message().ifPresent(inner -> assertSane(inner.body(), part.bodyStart(), part.end()));
    }

    private static byte[] mangle(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] = NOISE[random.nextInt(NOISE.length)];
                default -> bytes = java.util.Arrays.copyOf(bytes, Math.max(1, at));
            }
        }
        return bytes;
    }
}
