package org.posthorn.connector.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ConnectionCountsTest {

    private final InetAddress first = InetAddress.getLoopbackAddress();
    private final InetAddress second = address("127.0.0.2");

    @Test
    void oneAddressCannotTakeMoreThanItsShare() {
        var counts = new ConnectionCounts(10, 2);

        assertThat(counts.tryOpen(first)).isNull();
        assertThat(counts.tryOpen(first)).isNull();
        assertThat(counts.tryOpen(first)).isEqualTo(ConnectionCounts.Refusal.PER_ADDRESS);
        assertThat(counts.tryOpen(second)).as("another address still gets in").isNull();
        assertThat(counts.total()).isEqualTo(3);
        assertThat(counts.from(first)).isEqualTo(2);

        counts.release(first);
        assertThat(counts.tryOpen(first)).isNull();
    }

    @Test
    void theTotalLimitHoldsAcrossAddressesAndRefusalsCountNothing() {
        var counts = new ConnectionCounts(2, 5);

        assertThat(counts.tryOpen(first)).isNull();
        assertThat(counts.tryOpen(second)).isNull();
        assertThat(counts.tryOpen(second)).isEqualTo(ConnectionCounts.Refusal.TOTAL);
        assertThat(counts.total()).isEqualTo(2);
        assertThat(counts.from(second)).isEqualTo(1);

        counts.release(second);
        counts.release(first);
        assertThat(counts.total()).isZero();
        assertThat(counts.from(first)).isZero();
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
