package org.posthorn.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void decodesUserIdAndPasswordSplitAtTheFirstColon() {
        assertThat(BasicCredentials.parse(basic("bob@example.org:pass:word")))
                .contains(new BasicCredentials("bob@example.org", "pass:word"));
    }

    @Test
    void theSchemeIsCaseInsensitiveAndTheCharsetUtf8() {
        String header = "bAsIc " + Base64.getEncoder().encodeToString("jörg:grüße".getBytes(StandardCharsets.UTF_8));
        assertThat(BasicCredentials.parse(header)).contains(new BasicCredentials("jörg", "grüße"));
    }

    @Test
    void anEmptyPasswordIsStillCredentials() {
        assertThat(BasicCredentials.parse(basic("admin:"))).contains(new BasicCredentials("admin", ""));
    }

    @Test
    void malformedHeadersGiveNothing() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse("")).isEmpty();
        assertThat(BasicCredentials.parse("Basic")).isEmpty();
        assertThat(BasicCredentials.parse("Bearer abc.def")).isEmpty();
        assertThat(BasicCredentials.parse("Basicx " + Base64.getEncoder().encodeToString("a:b".getBytes()))).isEmpty();
        assertThat(BasicCredentials.parse("Basic !!!not base64")).isEmpty();
        assertThat(BasicCredentials.parse(basic("no colon here"))).isEmpty();
        assertThat(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'})))
                .isEmpty();
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(new BasicCredentials("admin", "s3cret-value").toString()).contains("admin").doesNotContain("s3cret");
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }
}
