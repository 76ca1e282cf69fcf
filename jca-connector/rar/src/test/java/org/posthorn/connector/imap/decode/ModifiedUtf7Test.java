package org.posthorn.connector.imap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModifiedUtf7Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // RFC 3501 §5.1.3's example
            "~peter/mail/&U,BTFw-/&ZeVnLIqe-|~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e",
            "&-|&",
            "Tom &- Jerry|Tom & Jerry",
            "INBOX|INBOX",
            "Entw&APw-rfe|Entw\u00fcrfe",
            "&AOQA9gD8-|\u00e4\u00f6\u00fc",
            "&2DzfAA-|\ud83c\udf00",
            "a&AAk-b|a\tb"})
    void decodesAndEncodesTheSameName(String encoded, String text) {
        assertThat(ModifiedUtf7.decode(encoded)).contains(text);
        assertThat(ModifiedUtf7.encode(text)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "&", "a&b", "&U,BTFw", // unterminated shift
            "&U,BTFw=-", "&U/BTFw-", // padding and the plain BASE64 '/' are not modified BASE64
            "&AGE-", "&AH4-", // 'a' and '~' encoded
            "&AOQ-&APY-", // two shifts in a row where one would do
            "&AOR-", // spare bits not zero
            "&AO-", // a lone octet
            "&A-", // six bits
            "&2D0-", // unpaired high surrogate
            "&3gA-", // unpaired low surrogate
            "caf\u00e9", "a\tb", "a\u007fb"}) // not 7-bit printable
    void refusesAnythingButTheOneEncoding(String name) {
        assertThat(ModifiedUtf7.decode(name)).isEmpty();
    }

    @Test
    void encodingRefusesUnpairedSurrogates() {
        assertThatThrownBy(() -> ModifiedUtf7.encode("a\ud800b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomTextSurvivesTheRoundTrip() {
        Random random = new Random(3501);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(4);
                int codePoint = switch (kind) {
                    case 0 -> 0x20 + random.nextInt(0x5f);
                    case 1 -> 0x80 + random.nextInt(0x780);
                    case 2 -> 0x3000 + random.nextInt(0x6000);
                    default -> 0x10000 + random.nextInt(0x10000);
                };
                text.appendCodePoint(codePoint);
            }
            String encoded = ModifiedUtf7.encode(text.toString());
            assertThat(encoded).as("encoding of %s", text).matches("[\\x20-\\x7e]*");
            assertThat(ModifiedUtf7.decode(encoded)).as("round trip of %s", text).contains(text.toString());
        }
    }
}
