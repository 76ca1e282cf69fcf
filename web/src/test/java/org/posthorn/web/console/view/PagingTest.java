package org.posthorn.web.console.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void firstPageOfSeveral() {
        Paging paging = Paging.of(null, 25, 60);
        assertThat(paging.page()).isEqualTo(1);
        assertThat(paging.pageCount()).isEqualTo(3);
        assertThat(paging.offset()).isZero();
        assertThat(paging.hasPrevious()).isFalse();
        assertThat(paging.hasNext()).isTrue();
        assertThat(paging.firstShown()).isEqualTo(1);
        assertThat(paging.lastShown()).isEqualTo(25);
    }

    @Test
    void lastPageIsPartial() {
        Paging paging = Paging.of(3, 25, 60);
        assertThat(paging.offset()).isEqualTo(50);
        assertThat(paging.firstShown()).isEqualTo(51);
        assertThat(paging.lastShown()).isEqualTo(60);
        assertThat(paging.hasNext()).isFalse();
        assertThat(paging.hasPrevious()).isTrue();
    }

    @Test
    void pagesOutOfRangeAreBroughtIntoRange() {
        assertThat(Paging.of(0, 25, 60).page()).isEqualTo(1);
        assertThat(Paging.of(-7, 25, 60).page()).isEqualTo(1);
        assertThat(Paging.of(99, 25, 60).page()).isEqualTo(3);
        assertThat(Paging.of(Integer.MAX_VALUE, 25, 60).page()).isEqualTo(3);
    }

    @Test
    void anExactMultipleHasNoEmptyLastPage() {
        assertThat(Paging.of(null, 25, 50).pageCount()).isEqualTo(2);
    }

    @Test
    void anEmptyListingHasOnePageShowingNothing() {
        Paging paging = Paging.of(5, 25, 0);
        assertThat(paging.page()).isEqualTo(1);
        assertThat(paging.pageCount()).isEqualTo(1);
        assertThat(paging.firstShown()).isZero();
        assertThat(paging.lastShown()).isZero();
        assertThat(paging.hasNext()).isFalse();
    }

    @Test
    void aPageSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Paging.of(1, 0, 10));
    }
}
