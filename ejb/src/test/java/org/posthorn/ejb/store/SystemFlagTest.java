package org.posthorn.ejb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SystemFlagTest {

    @Test
    void bitsRoundTripAndKeepTheirStoredValues() {
        Set<SystemFlag> flags = EnumSet.of(SystemFlag.SEEN, SystemFlag.DELETED);
        assertThat(SystemFlag.toBits(flags)).isEqualTo(1 | 8);
        assertThat(SystemFlag.fromBits(9)).containsExactlyInAnyOrder(SystemFlag.SEEN, SystemFlag.DELETED);
        assertThat(SystemFlag.fromBits(0)).isEmpty();
        assertThat(SystemFlag.DRAFT.imapName()).isEqualTo("\\Draft");
    }
}
