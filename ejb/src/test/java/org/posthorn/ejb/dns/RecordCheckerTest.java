package org.posthorn.ejb.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCheckerTest {

    /** Answers from maps; names are looked up as given (absolute, lower case). */
    private static final class FakeDns implements DnsLookup {
        final Map<String, List<MxTarget>> mx = new HashMap<>();
        final Map<String, List<String>> txt = new HashMap<>();
        String failing;

        @Override
        public List<MxTarget> mx(String name) {
            fail(name);
            return mx.getOrDefault(name, List.of());
        }

        @Override
        public List<String> txt(String name) {
            fail(name);
            return txt.getOrDefault(name, List.of());
        }

        private void fail(String name) {
            if (name.equals(failing)) {
                throw new DnsLookupException("no answer from DNS for " + name);
            }
        }
    }

    private final FakeDns dns = new FakeDns();
    private final List<ExpectedRecord> expected = ExpectedRecords.of("example.org", "mx.example.net");

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
                "_dmarc.example.org. IN TXT \"v=DMARC1; p=quarantine; rua=mailto:postmaster@example.org\"");
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
        assertThat(check().values()).extracting(RecordCheck::status).containsOnly(CheckStatus.PRESENT);
        assertThat(check().get(RecordKind.SPF).found()).as("only SPF records are shown").containsExactly("v=spf1  MX -all");
    }

    @Test
    void somethingElsePublishedIsDifferent() {
        dns.mx.put("example.org.", List.of(new MxTarget(10, "mail.elsewhere.com.")));
        dns.txt.put("example.org.", List.of("v=spf1 include:_spf.elsewhere.com ~all"));
        dns.txt.put("_dmarc.example.org.", List.of("v=DMARC1; p=none"));
        Map<RecordKind, RecordCheck> checks = check();
        assertThat(checks.values()).extracting(RecordCheck::status).containsOnly(CheckStatus.DIFFERENT);
        assertThat(checks.get(RecordKind.MX).found()).containsExactly("10 mail.elsewhere.com.");
        assertThat(checks.get(RecordKind.MX).note()).contains("mx.example.net.");
        assertThat(checks.get(RecordKind.DMARC).found()).containsExactly("v=DMARC1; p=none");
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
