package org.posthorn.connector.pop3.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.posthorn.spi.pop3.MaildropEntry;

class MaildropTest {

    private final Maildrop maildrop = new Maildrop(List.of(
            new MaildropEntry(11, 100, "a"), new MaildropEntry(12, 200, "b"), new MaildropEntry(13, 300, "c")));

    @Test
    void numbersFromOne() {
        assertThat(maildrop.find(1)).map(MaildropEntry::messageId).contains(11L);
        assertThat(maildrop.find(3)).map(MaildropEntry::messageId).contains(13L);
        assertThat(maildrop.find(0)).isEmpty();
        assertThat(maildrop.find(4)).isEmpty();
        assertThat(maildrop.find(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void markedMessagesDisappearUntilReset() {
        assertThat(maildrop.markDeleted(2)).isTrue();
        assertThat(maildrop.markDeleted(2)).isFalse();
        assertThat(maildrop.find(2)).isEmpty();
        assertThat(maildrop.isDeleted(2)).isTrue();
        assertThat(maildrop.visibleCount()).isEqualTo(2);
        assertThat(maildrop.visibleOctets()).isEqualTo(400);
        assertThat(maildrop.visible()).extracting(Maildrop.Numbered::number).containsExactly(1, 3);
        assertThat(maildrop.deletedIds()).containsExactly(12L);

        maildrop.reset();
        assertThat(maildrop.find(2)).isPresent();
        assertThat(maildrop.deletedIds()).isEmpty();
    }

    @Test
    void outOfRangeNumbersAreNeitherDeletedNorDeletable() {
        assertThat(maildrop.markDeleted(0)).isFalse();
        assertThat(maildrop.markDeleted(-1)).isFalse();
        assertThat(maildrop.isDeleted(99)).isFalse();
    }
}
