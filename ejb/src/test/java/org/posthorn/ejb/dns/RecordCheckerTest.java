package org.posthorn.ejb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.discovery.MailService;

class RecordCheckerTest {

    /** Answers from maps; names are looked up as given (absolute, lower case). */
    private static final class FakeDns implements DiscoveryLookup {
        final Map<String, List<MxTarget>> mx = new HashMap<>();
        final Map<String, List<String>> txt = new HashMap<>();
        final Map<String, List<SrvTarget>> srv = new HashMap<>();
        final Map<String, List<String>> cname = new HashMap<>();
        final Map<String, List<InetAddress>> addresses = new HashMap<>();
        String failing;

        @Override
        public List<MxTarget> mx(String name) {
            return answer(mx, name);
        }

        @Override
        public List<String> txt(String name) {
            return answer(txt, name);
        }

        @Override
        public List<InetAddress> addresses(String name) {
            return answer(addresses, name);
        }

        @Override
        public List<SrvTarget> srv(String name) {
            return answer(srv, name);
        }

        @Override
        public List<String> cname(String name) {
            return answer(cname, name);
        }

        private <T> List<T> answer(Map<String, List<T>> answers, String name) {
            if (name.equals(failing)) {
                throw new DnsLookupException("no answer from DNS for " + name);
            }
            return answers.getOrDefault(name, List.of());
        }
    }

    private final FakeDns dns = new FakeDns();
    private final List<ExpectedRecord> expected = ExpectedRecords.of("example.org", "mx.example.net", standardPorts());

    private static Map<MailService, Integer> standardPorts() {
        Map<MailService, Integer> ports = new EnumMap<>(MailService.class);
        for (MailService service : MailService.values()) {
            ports.put(service, service.standardPort());
        }
        return ports;
    }

    /** The SRV records of RFC 6186 as this server wants them, with the case and dots of the test's choosing. */
    private void publishAllSrv(String host) {
        dns.srv.put("_imaps._tcp.example.org.", List.of(new SrvTarget(0, 1, 993, host)));
        dns.srv.put("_imap._tcp.example.org.", List.of(new SrvTarget(10, 1, 143, host)));
        dns.srv.put("_pop3s._tcp.example.org.", List.of(new SrvTarget(20, 1, 995, host)));
        dns.srv.put("_pop3._tcp.example.org.", List.of(new SrvTarget(30, 1, 110, host)));
        dns.srv.put("_submissions._tcp.example.org.", List.of(new SrvTarget(0, 1, 465, host)));
        dns.srv.put("_submission._tcp.example.org.", List.of(new SrvTarget(10, 1, 587, host)));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private Map<RecordKind, RecordCheck> check() {
        Map<RecordKind, RecordCheck> byKind = new HashMap<>();
        new RecordChecker(dns).check(expected).forEach(c -> byKind.put(c.expected().kind(), c));
        return byKind;
    }

    @Test
    void theExpectedRecords() {
        assertThat(expected).extracting(ExpectedRecord::zoneLine).containsExactly(
                "example.org. IN MX 10 mx.example.net.",
                "example.org. IN TXT \"v=spf1 mx -all\"",
                "_dmarc.example.org. IN TXT \"v=DMARC1; p=quarantine; rua=mailto:postmaster@example.org\"",
                "_imaps._tcp.example.org. IN SRV 0 1 993 mx.example.net.",
                "_imap._tcp.example.org. IN SRV 10 1 143 mx.example.net.",
                "_pop3s._tcp.example.org. IN SRV 20 1 995 mx.example.net.",
                "_pop3._tcp.example.org. IN SRV 30 1 110 mx.example.net.",
                "_submissions._tcp.example.org. IN SRV 0 1 465 mx.example.net.",
                "_submission._tcp.example.org. IN SRV 10 1 587 mx.example.net.",
                "autoconfig.example.org. IN CNAME mx.example.net.");
    }

    @Test
    void srvRecordsNameThePublicPortsGiven() {
        Map<MailService, Integer> ports = standardPorts();
        ports.put(MailService.IMAPS, 10993);
        assertThat(ExpectedRecords.of("Example.ORG.", "MX.example.net", ports))
                .filteredOn(r -> r.kind() == RecordKind.SRV_IMAPS)
                .extracting(ExpectedRecord::zoneLine)
                .containsExactly("_imaps._tcp.example.org. IN SRV 0 1 10993 mx.example.net.");
    }

    @Test
    void nothingPublishedIsMissing() {
        assertThat(check().values()).extracting(RecordCheck::status).containsOnly(CheckStatus.MISSING);
    }

    @Test
    void publishedAsExpectedIsPresentWhateverTheCaseSpacingPreferenceOrTagOrder() {
        dns.mx.put("example.org.", List.of(new MxTarget(20, "MX.Example.NET.")));
        dns.txt.put("example.org.", List.of("some-verification=xyz", "v=spf1  MX -all"));
        dns.txt.put("_dmarc.example.org.", List.of("v=DMARC1;rua=mailto:postmaster@example.org; p=quarantine;"));
        publishAllSrv("MX.Example.net");
        dns.srv.put("_imap._tcp.example.org.", List.of(new SrvTarget(5, 50, 143, "mx.example.net.")));
        dns.cname.put("autoconfig.example.org.", List.of("Mx.Example.Net."));
        assertThat(check().values()).extracting(RecordCheck::status).containsOnly(CheckStatus.PRESENT);
        assertThat(check()).hasSize(RecordKind.values().length);
        assertThat(check().get(RecordKind.SPF).found()).as("only SPF records are shown").containsExactly("v=spf1  MX -all");
    }

    @Test
    void somethingElsePublishedIsDifferent() {
        dns.mx.put("example.org.", List.of(new MxTarget(10, "mail.elsewhere.com.")));
        dns.txt.put("example.org.", List.of("v=spf1 include:_spf.elsewhere.com ~all"));
        dns.txt.put("_dmarc.example.org.", List.of("v=DMARC1; p=none"));
        publishAllSrv("mail.elsewhere.com.");
        dns.cname.put("autoconfig.example.org.", List.of("autoconfig.elsewhere.com."));
        Map<RecordKind, RecordCheck> checks = check();
        assertThat(checks.values()).extracting(RecordCheck::status).containsOnly(CheckStatus.DIFFERENT);
        assertThat(checks.get(RecordKind.MX).found()).containsExactly("10 mail.elsewhere.com.");
        assertThat(checks.get(RecordKind.MX).note()).contains("mx.example.net.");
        assertThat(checks.get(RecordKind.DMARC).found()).containsExactly("v=DMARC1; p=none");
    }

    @Test
    void anSrvRecordWithAnotherPortIsDifferentAndOneOfSeveralTargetsIsEnough() {
        dns.srv.put("_imaps._tcp.example.org.", List.of(new SrvTarget(0, 1, 2993, "mx.example.net.")));
        dns.srv.put("_imap._tcp.example.org.", List.of(
                new SrvTarget(10, 1, 143, "imap.elsewhere.com."), new SrvTarget(20, 1, 143, "mx.example.net")));
        Map<RecordKind, RecordCheck> checks = check();
        assertThat(checks.get(RecordKind.SRV_IMAPS).status()).isEqualTo(CheckStatus.DIFFERENT);
        assertThat(checks.get(RecordKind.SRV_IMAPS).found()).containsExactly("0 1 2993 mx.example.net.");
        assertThat(checks.get(RecordKind.SRV_IMAPS).note()).contains("port 993", "mx.example.net.");
        assertThat(checks.get(RecordKind.SRV_IMAP).status()).isEqualTo(CheckStatus.PRESENT);
        assertThat(checks.get(RecordKind.SRV_POP3).status()).isEqualTo(CheckStatus.MISSING);
    }

    @Test
    void anSrvTargetOfDotSaysTheServiceIsNotOffered() {
        dns.srv.put("_pop3._tcp.example.org.", List.of(new SrvTarget(0, 0, 0, ".")));
        RecordCheck pop3 = check().get(RecordKind.SRV_POP3);
        assertThat(pop3.status()).isEqualTo(CheckStatus.DIFFERENT);
        assertThat(pop3.note()).contains("not offered");
    }

    @Test
    void autoconfigMayBeAnAddressRecordWithThisServersAddress() {
        dns.addresses.put("mx.example.net.", List.of(ip("192.0.2.25"), ip("2001:db8::25")));
        dns.addresses.put("autoconfig.example.org.", List.of(ip("192.0.2.25")));
        RecordCheck same = check().get(RecordKind.AUTOCONFIG);
        assertThat(same.status()).isEqualTo(CheckStatus.PRESENT);
        assertThat(same.found()).containsExactly("A 192.0.2.25");

        dns.addresses.put("autoconfig.example.org.", List.of(ip("192.0.2.25"), ip("198.51.100.7")));
        RecordCheck other = check().get(RecordKind.AUTOCONFIG);
        assertThat(other.status()).as("one address elsewhere sends some clients there").isEqualTo(CheckStatus.DIFFERENT);
        assertThat(other.found()).containsExactly("A 192.0.2.25", "A 198.51.100.7");

        dns.addresses.remove("mx.example.net.");
        assertThat(check().get(RecordKind.AUTOCONFIG).note()).contains("has no address");
    }

    @Test
    void oneOfSeveralMxHostsIsEnough() {
        dns.mx.put("example.org.", List.of(new MxTarget(10, "backup.elsewhere.com."), new MxTarget(5, "mx.example.net")));
        assertThat(check().get(RecordKind.MX).status()).isEqualTo(CheckStatus.PRESENT);
    }

    @Test
    void twoSpfRecordsAreAnErrorEvenIfOneIsRight() {
        dns.txt.put("example.org.", List.of("v=spf1 mx -all", "v=spf1 a -all"));
        RecordCheck spf = check().get(RecordKind.SPF);
        assertThat(spf.status()).isEqualTo(CheckStatus.DIFFERENT);
        assertThat(spf.note()).contains("only one");
    }

    @Test
    void aFailedLookupMarksOnlyThatRecordUnknown() {
        dns.failing = "_dmarc.example.org.";
        dns.mx.put("example.org.", List.of(new MxTarget(10, "mx.example.net.")));
        Map<RecordKind, RecordCheck> checks = check();
        assertThat(checks.get(RecordKind.DMARC).status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(checks.get(RecordKind.DMARC).note()).contains("no answer");
        assertThat(checks.get(RecordKind.MX).status()).isEqualTo(CheckStatus.PRESENT);
    }

    @Test
    void aHostNameThatCannotBePublishedIsWarnedAbout() {
        assertThat(DnsCheck.warningAbout("localhost")).contains("posthorn.hostname");
        assertThat(DnsCheck.warningAbout("mailhost")).isNotNull();
        assertThat(DnsCheck.warningAbout("mx.example.net")).isNull();
    }
}
