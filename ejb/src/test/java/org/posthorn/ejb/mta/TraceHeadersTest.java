package org.posthorn.ejb.mta;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.smtp.SmtpEnvelope;

class TraceHeadersTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 11, 3, 9, 5, 7, 0, ZoneOffset.ofHours(1));

    @Test
    void receivedForOneRecipientNamesItAndFoldsBetweenClauses() throws UnknownHostException {
        SmtpEnvelope envelope = envelope("mail.sender.example", "192.0.2.7", "ESMTPS",
                List.of(MailAddress.of("Bob@example.org")));

        String received = TraceHeaders.received(envelope, "mx.posthorn.test", "ABC123", WHEN);

        assertThat(received).isEqualTo("Received: from mail.sender.example ([192.0.2.7])\r\n"
                + "\tby mx.posthorn.test (Posthorn) with ESMTPS id ABC123 for <Bob@example.org>;\r\n"
                + "\tTue, 3 Nov 2026 09:05:07 +0100\r\n");
    }

    @Test
    void receivedForSeveralRecipientsNamesNone() throws UnknownHostException {
        SmtpEnvelope envelope = envelope("client.example", "192.0.2.7", "ESMTP",
                List.of(MailAddress.of("a@example.org"), MailAddress.of("b@example.org")));

        String received = TraceHeaders.received(envelope, "mx.posthorn.test", "ID1", WHEN);

        assertThat(received).doesNotContain("for ").contains("with ESMTP id ID1;").endsWith("+0100\r\n");
    }

    @Test
    void everyLineEndsInCrlfAndStaysWithin78Characters() throws UnknownHostException {
        SmtpEnvelope envelope = envelope("client.sending.example", "2001:db8::25", "ESMTPSA",
                List.of(MailAddress.of("someone.with.a.long.name@a-long-domain.example.org")));

        String received = TraceHeaders.received(envelope, "mx.posthorn.test", "LONGID0123456789", WHEN);

        assertThat(received).endsWith("\r\n");
        String[] lines = received.substring(0, received.length() - 2).split("\r\n", -1);
        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        assertThat(List.of(lines).subList(1, lines.length)).allSatisfy(line -> assertThat(line).startsWith("\t"));
        assertThat(received).contains("([IPv6:2001:db8:0:0:0:0:0:25])");
    }

    @Test
    void aClauseLongerThanALineStaysWholeOnItsOwnLine() {
        String folded = TraceHeaders.fold("Received:", List.of("from " + "h".repeat(90), "by x", "id y;", "date"));
        assertThat(folded).isEqualTo("Received: from " + "h".repeat(90) + "\r\n\tby x id y; date\r\n");
    }

    @Test
    void aHeloThatIsNoDomainIsReplacedByTheAddressLiteral() throws UnknownHostException {
        SmtpEnvelope envelope = envelope("evil\r\nX-Injected: yes", "192.0.2.9", "ESMTP", List.of());

        String received = TraceHeaders.received(envelope, "mx.posthorn.test", "ID2", WHEN);

        assertThat(received).startsWith("Received: from [192.0.2.9] ([192.0.2.9]) by mx.posthorn.test")
                .doesNotContain("evil").doesNotContain("X-Injected");
    }

    @Test
    void anAddressLiteralHeloIsKept() throws UnknownHostException {
        SmtpEnvelope envelope = envelope("[192.0.2.1]", "192.0.2.1", "SMTP", List.of());
        assertThat(TraceHeaders.received(envelope, "h.example", "I", WHEN))
                .startsWith("Received: from [192.0.2.1] ([192.0.2.1]) by h.example");
    }

    @Test
    void aProtocolThatIsNoAtomIsWrittenAsSmtp() throws UnknownHostException {
        SmtpEnvelope envelope = envelope("c.example", "192.0.2.1", "ESMTP\r\nX: y", List.of());
        assertThat(TraceHeaders.received(envelope, "h.example", "I", WHEN)).contains("with SMTP id I").doesNotContain("X: y");
    }

    @Test
    void returnPathHasTheSenderOrTheNullPath() throws UnknownHostException {
        SmtpEnvelope withSender = envelope("c.example", "192.0.2.1", "ESMTP", List.of(),
                Optional.of(MailAddress.of("Alice@Sender.Example")));
        SmtpEnvelope bounce = envelope("c.example", "192.0.2.1", "ESMTP", List.of());

        assertThat(TraceHeaders.returnPath(withSender)).isEqualTo("Return-Path: <Alice@sender.example>\r\n");
        assertThat(TraceHeaders.returnPath(bounce)).isEqualTo("Return-Path: <>\r\n");
    }

    @Test
    void aLocalPartThatIsNoDotStringIsQuoted() {
        assertThat(MailPath.of(new MailAddress("a\"b..c", "example.org"))).isEqualTo("<\"a\\\"b..c\"@example.org>");
    }

    @Test
    void deliveryIdsAreAtomsAndDiffer() {
        Instant now = Instant.parse("2026-11-03T09:05:07Z");
        String first = DeliveryIds.next(now);
        assertThat(first).matches("[A-Z0-9]{10,}");
        assertThat(DeliveryIds.next(now)).isNotEqualTo(first);
    }

    private static SmtpEnvelope envelope(String helo, String ip, String protocol, List<MailAddress> recipients)
            throws UnknownHostException {
        return envelope(helo, ip, protocol, recipients, Optional.empty());
    }

    private static SmtpEnvelope envelope(String helo, String ip, String protocol, List<MailAddress> recipients,
                                         Optional<MailAddress> sender) throws UnknownHostException {
        ClientConnection client = new ClientConnection("smtp",
                new InetSocketAddress(InetAddress.getByName(ip), 40000), false, Optional.empty());
        return new SmtpEnvelope(client, helo, protocol, sender, recipients, "S1",
                Instant.parse("2026-11-03T08:05:00Z"));
    }
}
