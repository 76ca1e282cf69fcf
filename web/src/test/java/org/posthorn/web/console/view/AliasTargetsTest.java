package org.posthorn.web.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AliasTargetsTest {

    @Test
    void onePerLineOrSeparatedByCommasWithBlanksIgnored() {
        assertThat(AliasTargets.parse("a@x.example\r\n\r\n  b@y.example , c@z.example;d@x.example,\n"))
                .containsExactly("a@x.example", "b@y.example", "c@z.example", "d@x.example");
    }

    @Test
    void nothingTypedIsNoTargets() {
        assertThat(AliasTargets.parse(null)).isEmpty();
        assertThat(AliasTargets.parse(" \n , ")).isEmpty();
    }

    @Test
    void whatIsNotAnAddressIsLeftForTheDirectoryToRefuse() {
        assertThat(AliasTargets.parse("not an address")).containsExactly("not an address");
    }

    @Test
    void shownOnePerLine() {
        assertThat(AliasTargets.format(List.of("a@x.example", "b@y.example"))).isEqualTo("a@x.example\nb@y.example");
    }
}
