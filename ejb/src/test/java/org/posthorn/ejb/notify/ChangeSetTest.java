package org.posthorn.ejb.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeSetTest {

    private final ChangeSet changes = new ChangeSet();

    @Test
    void eachMailboxIsNewsOncePerTransaction() {
        assertThat(changes.addMailbox("bob@example.org", "INBOX")).isTrue();
        assertThat(changes.addMailbox("bob@example.org", "INBOX")).isFalse();
        assertThat(changes.addMailbox("Bob@Example.org", "INBOX")).isFalse();
        assertThat(changes.addMailbox("bob@example.org", "Archive")).isTrue();
        assertThat(changes.addMailbox("carol@example.org", "INBOX")).isTrue();
    }

    @Test
    void mailboxNamesAreExact() {
        assertThat(changes.addMailbox("bob@example.org", "Work")).isTrue();
        assertThat(changes.addMailbox("bob@example.org", "work")).isTrue();
    }

    @Test
    void afterTheWholeAccountNoSingleMailboxIsNews() {
        assertThat(changes.addAccount("bob@example.org")).isTrue();
        assertThat(changes.addAccount("BOB@example.org")).isFalse();
        assertThat(changes.addMailbox("bob@example.org", "INBOX")).isFalse();
        assertThat(changes.addMailbox("carol@example.org", "INBOX")).isTrue();
    }

    @Test
    void theWholeAccountIsNewsAfterSingleMailboxes() {
        assertThat(changes.addMailbox("bob@example.org", "INBOX")).isTrue();
        assertThat(changes.addAccount("bob@example.org")).isTrue();
    }
}
