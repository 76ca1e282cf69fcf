package org.posthorn.connector.pop3.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.auth.SaslPlain;

class SaslTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decodesContinuationLines() {
        String encoded = Base64.getEncoder().encodeToString(utf8("\0alice\0pw"));
        SaslResponse response = SaslResponse.continuation(InputLine.Text.of(encoded));
        assertThat(response).isInstanceOfSatisfying(SaslResponse.Data.class,
                data -> assertThat(data.bytes()).isEqualTo(utf8("\0alice\0pw")));
        assertThat(SaslResponse.continuation(InputLine.Text.of("*"))).isInstanceOf(SaslResponse.Cancel.class);
        assertThat(SaslResponse.continuation(InputLine.Text.of("not base64!"))).isInstanceOf(SaslResponse.Malformed.class);
        assertThat(SaslResponse.continuation(InputLine.Text.of("A".repeat(SaslResponse.MAX_OCTETS + 4))))
                .isInstanceOf(SaslResponse.Malformed.class);
    }

    @Test
    void anEqualsSignIsAnEmptyInitialResponse() {
        assertThat(SaslResponse.initial("=")).isInstanceOfSatisfying(SaslResponse.Data.class,
                data -> assertThat(data.bytes()).isEmpty());
        assertThat(SaslResponse.initial("*")).isInstanceOf(SaslResponse.Cancel.class);
    }

    @Test
    void parsesPlainMessages() {
        assertThat(SaslPlain.parse(utf8("\0alice@example.test\0pass word")))
                .contains(new SaslPlain("", "alice@example.test", "pass word"));
        assertThat(SaslPlain.parse(utf8("alice\0alice\0pw"))).hasValueSatisfying(p -> assertThat(p.actsForAnother()).isFalse());
        assertThat(SaslPlain.parse(utf8("admin\0alice\0pw"))).hasValueSatisfying(p -> assertThat(p.actsForAnother()).isTrue());
        assertThat(SaslPlain.parse(utf8("\0jürgen\0grüße"))).contains(new SaslPlain("", "jürgen", "grüße"));
    }

    @Test
    void rejectsMalformedPlainMessages() {
        for (String bad : new String[] {"", "alice", "\0alice", "\0\0pw", "\0alice\0", "\0a\0b\0c", "\0" + "a".repeat(256) + "\0pw"}) {
            assertThat(SaslPlain.parse(utf8(bad))).as(bad.replace('\0', '|')).isEqualTo(Optional.empty());
        }
        assertThat(SaslPlain.parse(new byte[] {0, 'a', 0, (byte) 0xff})).isEmpty();
        assertThat(new SaslPlain("", "alice", "secret").toString()).doesNotContain("secret");
    }
}
