package org.posthorn.ejb.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailServiceTest {

    @Test
    void theUnprivilegedDefaultsArePublishedAsTheStandardPorts() {
        assertThat(MailService.publicPort(2993, 993)).isEqualTo(993);
        assertThat(MailService.publicPort(2143, 143)).isEqualTo(143);
        assertThat(MailService.publicPort(2465, 465)).isEqualTo(465);
        assertThat(MailService.publicPort(1024, 993)).as("the first unprivileged port").isEqualTo(993);
    }

    @Test
    void aPrivilegedPortIsBoundAsItIsAndPublishedAsItIs() {
        assertThat(MailService.publicPort(993, 993)).isEqualTo(993);
        assertThat(MailService.publicPort(1023, 993)).isEqualTo(1023);
        assertThat(MailService.publicPort(26, 587)).isEqualTo(26);
    }

    @Test
    void withoutSettingsEveryServiceIsPublishedOnItsStandardPort() {
        assertThat(MailService.publicPorts()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                MailService.IMAPS, 993, MailService.IMAP, 143, MailService.POP3S, 995, MailService.POP3, 110,
                MailService.SUBMISSIONS, 465, MailService.SUBMISSION, 587));
    }

    @Test
    void theServicesAreThoseOfRfc6186AndRfc8314() {
        assertThat(MailService.values()).extracting(MailService::srvLabel).containsExactly(
                "_imaps._tcp", "_imap._tcp", "_pop3s._tcp", "_pop3._tcp", "_submissions._tcp", "_submission._tcp");
        assertThat(MailService.values()).filteredOn(MailService::incoming)
                .extracting(MailService::protocol).containsOnly("imap", "pop3");
        assertThat(MailService.SUBMISSIONS.implicitTls()).isTrue();
        assertThat(MailService.SUBMISSION.implicitTls()).isFalse();
        assertThat(MailService.IMAPS.srvPriority()).as("implicit TLS preferred").isLessThan(MailService.IMAP.srvPriority());
    }
}
