package org.posthorn.connector.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The one TLS policy: TLS 1.3 and 1.2, AEAD suites with forward secrecy only. */
class ServerSslContextsTest {

    private final SSLEngine engine = TlsTestSupport.server().current().newEngine(ByteBufAllocator.DEFAULT);

    @Test
    void onlyTls13And12() {
        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(engine.getUseClientMode()).isFalse();
    }

    @Test
    void onlyModernAeadCipherSuites() {
        List<String> enabled = List.of(engine.getEnabledCipherSuites());
        assertThat(enabled).isNotEmpty().isSubsetOf(ServerSslContexts.CIPHER_SUITES);
        assertThat(enabled).allMatch(suite -> suite.contains("_GCM_") || suite.contains("CHACHA20_POLY1305"));
        assertThat(enabled).filteredOn(suite -> !suite.startsWith("TLS_AES_") && !suite.startsWith("TLS_CHACHA20_"))
                .isNotEmpty()
                .allMatch(suite -> suite.startsWith("TLS_ECDHE_"));
        // The JDK 17 here has all three TLS 1.3 suites.
        assertThat(enabled).contains("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    }
}
