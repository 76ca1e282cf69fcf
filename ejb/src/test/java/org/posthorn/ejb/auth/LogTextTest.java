package org.posthorn.ejb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void replacesLineBreaksSoALoginCannotForgeALogLine() {
        assertThat(LogText.safe("bob\r\nINFO Login ok for admin")).isEqualTo("bob??INFO Login ok for admin");
    }

    @Test
    void cutsLongText() {
        assertThat(LogText.safe("a".repeat(500))).hasSize(LogText.MAX + 3).endsWith("...");
    }
}
