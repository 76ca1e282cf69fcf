package org.posthorn.connector.imap.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.imap.decode.DecodeLimits;

class ImapConfigTest {

    private static final String[] SETTINGS = {"posthorn.imap.max-line", "posthorn.imap.max-nesting",
        "posthorn.imap.max-search-keys", "posthorn.imap.max-literal"};

    @AfterEach
    void forgetSettings() {
        for (String setting : SETTINGS) {
            System.clearProperty(setting);
        }
    }

    @Test
    void theDecoderLimitsAfterLoginDefaultToDecodeLimitsDefaults() {
        DecodeLimits limits = ImapConfig.fromSettings().authenticatedLimits();
        assertThat(limits.maxLineLength()).isEqualTo(DecodeLimits.DEFAULT_MAX_LINE_LENGTH);
        assertThat(limits.maxSearchDepth()).isEqualTo(DecodeLimits.DEFAULT_MAX_SEARCH_DEPTH);
        assertThat(limits.maxSearchKeys()).isEqualTo(DecodeLimits.DEFAULT_MAX_SEARCH_KEYS);
        assertThat(limits.maxAppendLiteral()).isEqualTo(25L * 1024 * 1024);
    }

    @Test
    void theOperatorSetsLineLengthNestingSearchKeysAndLiteral() {
        System.setProperty("posthorn.imap.max-line", String.valueOf(1024 * 1024));
        System.setProperty("posthorn.imap.max-nesting", "8");
        System.setProperty("posthorn.imap.max-search-keys", "50");
        System.setProperty("posthorn.imap.max-literal", "1m");

        DecodeLimits limits = ImapConfig.fromSettings().authenticatedLimits();

        assertThat(limits.maxLineLength()).isEqualTo(1024 * 1024);
        // A command must be able to hold one such line.
        assertThat(limits.maxCommand()).isGreaterThanOrEqualTo(1024 * 1024);
        assertThat(limits.maxSearchDepth()).isEqualTo(8);
        assertThat(limits.maxSearchKeys()).isEqualTo(50);
        assertThat(limits.maxAppendLiteral()).isEqualTo(1024 * 1024);
    }
}
