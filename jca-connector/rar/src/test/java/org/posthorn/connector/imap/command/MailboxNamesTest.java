package org.posthorn.connector.imap.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LIST patterns (RFC 3501 §6.3.8) and INBOX's case (§5.1). */
class MailboxNamesTest {

    @Test
    void starMatchesAnythingAndPercentStopsAtTheDelimiter() {
        assertThat(MailboxNames.matches("*", "Work/2026/Q1")).isTrue();
        assertThat(MailboxNames.matches("Work/*", "Work/2026/Q1")).isTrue();
        assertThat(MailboxNames.matches("Work/*", "Work")).isFalse();
        assertThat(MailboxNames.matches("Work*", "Work")).isTrue();
        assertThat(MailboxNames.matches("%", "Work")).isTrue();
        assertThat(MailboxNames.matches("%", "Work/2026")).isFalse();
        assertThat(MailboxNames.matches("Work/%", "Work/2026")).isTrue();
        assertThat(MailboxNames.matches("Work/%", "Work/2026/Q1")).isFalse();
        assertThat(MailboxNames.matches("%/%/Q%", "Work/2026/Q1")).isTrue();
        assertThat(MailboxNames.matches("W%k", "Work")).isTrue();
        assertThat(MailboxNames.matches("W%k", "Wo/rk")).isFalse();
        assertThat(MailboxNames.matches("Work", "work")).as("other names are case-sensitive").isFalse();
        assertThat(MailboxNames.matches("", "Work")).isFalse();
    }

    @Test
    void inboxMatchesInAnyCase() {
        assertThat(MailboxNames.matches("inbox", "INBOX")).isTrue();
        assertThat(MailboxNames.matches("InBoX/%", "INBOX/Sub")).isTrue();
        assertThat(MailboxNames.matches("inboxes", "INBOX")).isFalse();
        assertThat(MailboxNames.matches("inbox*", "INBOX")).as("wildcards too, as in Dovecot").isTrue();
        assertThat(MailboxNames.matches("In%", "INBOX")).isTrue();
        assertThat(MailboxNames.matches("in%", "INBOX/Sub")).isFalse();
        assertThat(MailboxNames.matches("inbox/sub", "INBOX/Sub")).as("only the INBOX level is caseless").isFalse();
        assertThat(MailboxNames.matches("in%", "Inner")).isFalse();
        assertThat(MailboxNames.fromWire("iNbOx")).contains("INBOX");
        assertThat(MailboxNames.fromWire("inbox/Sub")).contains("INBOX/Sub");
        assertThat(MailboxNames.fromWire("Inboxes")).contains("Inboxes");
        assertThat(MailboxNames.isInbox("Inbox")).isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aHostilePatternOfManyStarsCompletes() {
        String pattern = "*a".repeat(5000) + "*b";
        String name = "a".repeat(250);

        assertThat(MailboxNames.matches(pattern, name)).isFalse();
        assertThat(MailboxNames.matches("*".repeat(5000), name)).isTrue();
        assertThat(MailboxNames.matches("%".repeat(5000) + "%a", name)).isTrue();
    }
}
