package org.posthorn.connector.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ProxyProtocolLineTest {

    @Test
    void namesBothEndsOfAnIpv4Connection() throws UnknownHostException {
        assertThat(ProxyProtocolLine.of(at("192.0.2.7", 51514), at("127.0.0.1", 8443)))
                .isEqualTo("PROXY TCP4 192.0.2.7 127.0.0.1 51514 8443\r\n");
    }

    @Test
    void namesBothEndsOfAnIpv6ConnectionWithoutTheScope() throws UnknownHostException {
        assertThat(ProxyProtocolLine.of(at("2001:db8::7", 40000), at("fe80::1%1", 443)))
                .isEqualTo("PROXY TCP6 2001:db8:0:0:0:0:0:7 fe80:0:0:0:0:0:0:1 40000 443\r\n");
    }

    @Test
    void mixedFamiliesAreUnknown() throws UnknownHostException {
        assertThat(ProxyProtocolLine.of(at("192.0.2.7", 1), at("2001:db8::1", 443))).isEqualTo("PROXY UNKNOWN\r\n");
    }

    private static InetSocketAddress at(String address, int port) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(address), port);
    }
}
