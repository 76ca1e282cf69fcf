package org.posthorn.ejb.store.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.ejb.store.mime.Messages.crlf;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The stored form gives back exactly what was parsed. */
class StructureCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "ALTERNATIVE", "MIXED", "NESTED", "BROKEN_BOUNDARY", "GROUPS", "HEADERS_ONLY"})
    void roundTrips(String name) throws ReflectiveOperationException {
        String text = (String) Messages.class.getField(name).get(null);
        StoredStructure parsed = MimeStructureParser.parse(crlf(Messages.TRACE + text));

        StoredStructure back = StructureCodec.decode(StructureCodec.encode(parsed)).orElseThrow();

        assertThat(back.envelope()).isEqualTo(parsed.envelope());
        assertThat(back.body()).isEqualTo(parsed.body());
        assertThat(back.header()).isEqualTo(parsed.header());
    }

    @Test
    void unknownVersionOrGarbageReadsAsNotParsed() {
        assertThat(StructureCodec.decode(null)).isEmpty();
        assertThat(StructureCodec.decode(new byte[0])).isEmpty();
        assertThat(StructureCodec.decode(new byte[] {9, 1, 2})).isEmpty();
        assertThat(StructureCodec.decode(new byte[] {1, 0x7f, 0x7f, 0x7f, 0x7f})).isEmpty();
        byte[] good = StructureCodec.encode(MimeStructureParser.parse(crlf(Messages.MIXED)));
        for (int cut : List.of(1, good.length / 2, good.length - 1)) {
            assertThat(StructureCodec.decode(java.util.Arrays.copyOf(good, cut))).isEmpty();
        }
    }
}
