package org.posthorn.ejb.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class DnsServersTest {

    @Test
    void unsetMeansTheSystemResolver() {
        assertThat(DnsServers.parse(null)).isEmpty();
        assertThat(DnsServers.parse(" ")).isEmpty();
    }

    @Test
    void hostsPortsAndIpv6() {
        assertThat(DnsServers.parse("127.0.0.1:15353, 9.9.9.9 ,[::1]:5353,2001:db8::1,dns.example"))
                .extracting(InetSocketAddress::getHostString, InetSocketAddress::getPort)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("127.0.0.1", 15353),
                        org.assertj.core.groups.Tuple.tuple("9.9.9.9", 53),
                        org.assertj.core.groups.Tuple.tuple("::1", 5353),
                        org.assertj.core.groups.Tuple.tuple("2001:db8::1", 53),
                        org.assertj.core.groups.Tuple.tuple("dns.example", 53));
    }

    @Test
    void badEntriesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DnsServers.parse("1.1.1.1:dns"));
        assertThat(e.getMessage()).contains("1.1.1.1:dns");
        assertThrows(IllegalArgumentException.class, () -> DnsServers.parse("1.1.1.1:0"));
        assertThrows(IllegalArgumentException.class, () -> DnsServers.parse("[::1"));
        assertThrows(IllegalArgumentException.class, () -> DnsServers.parse(":53"));
    }
}
