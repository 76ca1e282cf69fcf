package org.posthorn.web.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaBarTest {

    private static final long MB = 1024 * 1024;

    @Test
    void withoutAQuotaThereIsNoBar() {
        QuotaBar bar = new QuotaBar(5 * MB, null);
        assertThat(bar.limited()).isFalse();
        assertThat(bar.percent()).isZero();
        assertThat(bar.text()).isEqualTo("5 MB (no quota)");
    }

    @Test
    void anyUseShowsAtLeastOnePercent() {
        assertThat(new QuotaBar(1, 100 * MB).percent()).isEqualTo(1);
        assertThat(new QuotaBar(0, 100 * MB).percent()).isZero();
    }

    @Test
    void roundsUpAndCapsAtAHundred() {
        assertThat(new QuotaBar(50 * MB, 100 * MB).percent()).isEqualTo(50);
        assertThat(new QuotaBar(50 * MB + 1, 100 * MB).percent()).isEqualTo(51);
        assertThat(new QuotaBar(300 * MB, 100 * MB).percent()).isEqualTo(100);
        assertThat(new QuotaBar(Long.MAX_VALUE / 2, Long.MAX_VALUE).percent()).isEqualTo(50);
    }

    @Test
    void levelsWarnAndFull() {
        assertThat(new QuotaBar(79 * MB, 100 * MB).level()).isEqualTo("ok");
        assertThat(new QuotaBar(80 * MB, 100 * MB).level()).isEqualTo("warn");
        assertThat(new QuotaBar(95 * MB, 100 * MB).level()).isEqualTo("full");
    }

    @Test
    void textSaysHowMuchOfWhat() {
        assertThat(new QuotaBar(MB + MB / 2, 100 * MB).text()).isEqualTo("1.5 MB of 100 MB (2%)");
    }
}
