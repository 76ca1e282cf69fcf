package org.posthorn.ejb.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.dns.MxTarget;

/** RFC 5321 §5.1 and RFC 7505 routing on DNS answers from a map. */
class MailExchangersTest {

    private final FakeDns dns = new FakeDns();

    @Test
    void exchangersComeByPreferenceWithAllTheirAddresses() {
        dns.mx("remote.example", new MxTarget(20, "backup.remote.example."), new MxTarget(10, "mx.remote.example."));
        dns.a("mx.remote.example.", 1, 2);
        dns.a("backup.remote.example.", 3);

        Route route = exchangers(new Random(1)).route("remote.example");

        assertThat(hops(route)).containsExactly("mx.remote.example[127.0.0.1]:2525", "mx.remote.example[127.0.0.2]:2525",
                "backup.remote.example[127.0.0.3]:2525");
    }

    @Test
    void equalPreferencesAreTriedInRandomOrder() {
        dns.mx("remote.example", new MxTarget(10, "a.remote.example."), new MxTarget(10, "b.remote.example."));
        dns.a("a.remote.example.", 1);
        dns.a("b.remote.example.", 2);

        MailExchangers exchangers = exchangers(new Random(42));
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            orders.add(hops(exchangers.route("remote.example")));
        }

        assertThat(orders).containsExactlyInAnyOrder(
                List.of("a.remote.example[127.0.0.1]:2525", "b.remote.example[127.0.0.2]:2525"),
                List.of("b.remote.example[127.0.0.2]:2525", "a.remote.example[127.0.0.1]:2525"));
    }

    @Test
    void withoutMxTheDomainIsItsOwnExchangerAndWithoutAddressItIsUnroutable() {
        dns.a("plain.example", 7);

        assertThat(hops(exchangers(new Random()).route("plain.example"))).containsExactly("plain.example[127.0.0.7]:2525");
        assertThat(exchangers(new Random()).route("nothing.example"))
                .isEqualTo(new Route.Unroutable("5.1.2", "Domain nothing.example has no mail exchanger and no address"));
    }

    @Test
    void aNullMxTakesNoMail() {
        dns.mx("nomail.example", new MxTarget(0, "."));
        dns.a("nomail.example", 1);

        Route route = exchangers(new Random()).route("nomail.example");

        assertThat(route).isInstanceOf(Route.Unroutable.class);
        assertThat(((Route.Unroutable) route).status()).isEqualTo("5.1.10");
    }

    @Test
    void anExchangerWithoutAddressIsSkippedAndDnsTroubleIsTemporary() {
        dns.mx("remote.example", new MxTarget(10, "ghost.remote.example."), new MxTarget(20, "mx.remote.example."));
        dns.a("mx.remote.example.", 1);
        assertThat(hops(exchangers(new Random()).route("remote.example"))).containsExactly("mx.remote.example[127.0.0.1]:2525");

        dns.failing = "broken.example";
        assertThat(exchangers(new Random()).route("broken.example")).isInstanceOf(Route.DnsTrouble.class);
    }

    @Test
    void aSmarthostTakesEverything() {
        MailExchangers viaSmarthost = new MailExchangers(dns, new Random(), 2525,
                Optional.of(MailExchangers.Smarthost.parse("127.0.0.9:2600")));

        assertThat(hops(viaSmarthost.route("remote.example"))).containsExactly("127.0.0.9[127.0.0.9]:2600");
        assertThat(MailExchangers.Smarthost.parse("relay.isp.example")).isEqualTo(
                new MailExchangers.Smarthost("relay.isp.example", 25));
        assertThat(MailExchangers.Smarthost.parse("[::1]:587")).isEqualTo(new MailExchangers.Smarthost("::1", 587));
        assertThatThrownBy(() -> MailExchangers.Smarthost.parse(":25")).isInstanceOf(IllegalArgumentException.class);
    }

    private MailExchangers exchangers(Random random) {
        return new MailExchangers(dns, random, 2525, Optional.empty());
    }

    private static List<String> hops(Route route) {
        assertThat(route).isInstanceOf(Route.Hosts.class);
        return ((Route.Hosts) route).hops().stream().map(Hop::toString).toList();
    }
}
