package org.posthorn.connector.imap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecodeLimitsTest {

    @Test
    void theDefaultsAreDocumented() {
        assertThat(DecodeLimits.defaults()).isEqualTo(new DecodeLimits(8192, 65536, 25L * 1024 * 1024, 262144, 256, 64, 1000));
    }

    @Test
    void theAppendLimitFollowsTheMessageSizeLimit() {
        assertThat(DecodeLimits.defaults().withMaxAppendLiteral(1000).maxAppendLiteral()).isEqualTo(1000);
    }

    @Test
    void beforeAuthenticationNoLiteralExceedsEightKibibytes() {
        DecodeLimits limits = DecodeLimits.beforeAuthentication();

        assertThat(limits.maxLiteral()).isEqualTo(8192);
        assertThat(limits.maxAppendLiteral()).isEqualTo(8192);
        assertThat(limits.maxCommand()).isEqualTo(65536);
    }

    @Test
    void contradictoryLimitsAreRefused() {
        assertThatThrownBy(() -> new DecodeLimits(10, 100, 100, 1000, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecodeLimits(8192, 100_000, 100, 65536, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecodeLimits.defaults().withMaxAppendLiteral(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecodeLimits(8192, 100, 100, 65536, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
