package org.posthorn.connector.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.spi.ClientConnection;

/** Credentials only over TLS, except as {@code posthorn.auth.plaintext} allows. */
class PlaintextAuthPolicyTest {

    private static final ClientConnection REMOTE_PLAIN = client("192.0.2.7", false);
    private static final ClientConnection REMOTE_TLS = client("192.0.2.7", true);
    private static final ClientConnection LOOPBACK_PLAIN = client("127.0.0.1", false);
    private static final ClientConnection LOOPBACK6_PLAIN = client("::1", false);

    @AfterEach
    void clear() {
        System.clearProperty("posthorn.auth.plaintext");
    }

    @Test
    void tlsIsAlwaysEnough() {
        for (PlaintextAuthPolicy policy : PlaintextAuthPolicy.values()) {
            assertThat(policy.authAllowed(REMOTE_TLS)).as(policy.name()).isTrue();
        }
    }

    @Test
    void neverAllowsCleartextEvenFromLoopback() {
        assertThat(PlaintextAuthPolicy.NEVER.authAllowed(REMOTE_PLAIN)).isFalse();
        assertThat(PlaintextAuthPolicy.NEVER.authAllowed(LOOPBACK_PLAIN)).isFalse();
    }

    @Test
    void loopbackAllowsCleartextOnlyFromLoopback() {
        assertThat(PlaintextAuthPolicy.LOOPBACK.authAllowed(REMOTE_PLAIN)).isFalse();
        assertThat(PlaintextAuthPolicy.LOOPBACK.authAllowed(LOOPBACK_PLAIN)).isTrue();
        assertThat(PlaintextAuthPolicy.LOOPBACK.authAllowed(LOOPBACK6_PLAIN)).isTrue();
    }

    @Test
    void alwaysAllowsCleartext() {
        assertThat(PlaintextAuthPolicy.ALWAYS.authAllowed(REMOTE_PLAIN)).isTrue();
    }

    @Test
    void readsTheSettingWithLoopbackAsDefault() {
        assertThat(PlaintextAuthPolicy.fromSettings()).isEqualTo(PlaintextAuthPolicy.LOOPBACK);
        System.setProperty("posthorn.auth.plaintext", "NEVER");
        assertThat(PlaintextAuthPolicy.fromSettings()).isEqualTo(PlaintextAuthPolicy.NEVER);
        System.setProperty("posthorn.auth.plaintext", "sometimes");
        assertThatThrownBy(PlaintextAuthPolicy::fromSettings).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("posthorn.auth.plaintext");
    }

    private static ClientConnection client(String address, boolean secure) {
        return new ClientConnection("pop3", new InetSocketAddress(address, 50000), secure, Optional.empty());
    }
}
