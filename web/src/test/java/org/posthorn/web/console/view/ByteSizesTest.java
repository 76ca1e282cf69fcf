package org.posthorn.web.console.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void formatsWithTheLargestFittingUnitAndOneDecimal() {
        assertThat(ByteSizes.format(0)).isEqualTo("0 bytes");
        assertThat(ByteSizes.format(1)).isEqualTo("1 byte");
        assertThat(ByteSizes.format(1023)).isEqualTo("1023 bytes");
        assertThat(ByteSizes.format(1024)).isEqualTo("1 KB");
        assertThat(ByteSizes.format(1536)).isEqualTo("1.5 KB");
        assertThat(ByteSizes.format(20L * 1024 * 1024)).isEqualTo("20 MB");
        assertThat(ByteSizes.format(2L * 1024 * 1024 * 1024)).isEqualTo("2 GB");
        assertThat(ByteSizes.format(Long.MAX_VALUE)).endsWith("TB");
    }

    @Test
    void parsesWhatAdministratorsType() {
        assertThat(ByteSizes.parse("500")).isEqualTo(500L * 1024 * 1024);
        assertThat(ByteSizes.parse("500 MB")).isEqualTo(500L * 1024 * 1024);
        assertThat(ByteSizes.parse("2gb")).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(ByteSizes.parse(" 1.5 GiB ")).isEqualTo(1536L * 1024 * 1024);
        assertThat(ByteSizes.parse("1,5 KB")).isEqualTo(1536L);
        assertThat(ByteSizes.parse("100 bytes")).isEqualTo(100L);
        assertThat(ByteSizes.parse("1 T")).isEqualTo(1L << 40);
    }

    @Test
    void blankMeansNoSize() {
        assertThat(ByteSizes.parse(null)).isNull();
        assertThat(ByteSizes.parse("  ")).isNull();
    }

    @Test
    void formatThenParseGivesTheSameSizeForWholeUnits() {
        long size = 3L * 1024 * 1024;
        assertThat(ByteSizes.parse(ByteSizes.format(size))).isEqualTo(size);
    }

    @Test
    void refusesWhatIsNotASize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("lots"));
        assertThat(e.getMessage()).contains("'lots'");
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("-5 MB"));
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("5 PB"));
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("99999999999 TB"));
    }
}
