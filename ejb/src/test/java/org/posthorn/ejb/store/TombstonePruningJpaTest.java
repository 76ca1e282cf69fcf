package org.posthorn.ejb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.testing.Beans;
import org.posthorn.ejb.testing.RecordingNotifier;
import org.posthorn.ejb.testing.TestDatabase;

/** Expunge tombstones go once no IMAP session can still ask about them, and not before. */
class TombstonePruningJpaTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private TestDatabase db;
    private MessageExpunger expunger;

    @BeforeEach
    void openDatabase() {
        db = new TestDatabase();
        expunger = Beans.wire(MessageExpunger.class, db.entityManager(),
                Beans.wire(BlobReferences.class, db.entityManager()), new RecordingNotifier(db));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void tombstonesOlderThanTheCutoffAndThoseOfUnknownAgeGo() {
        db.inTransaction(() -> {
            db.entityManager().persist(new ExpungedMessage(1, 10, 5, NOW.minus(Duration.ofHours(26))));
            db.entityManager().persist(new ExpungedMessage(1, 11, 6, NOW.minus(Duration.ofHours(24))));
            db.entityManager().persist(new ExpungedMessage(2, 12, 7, null)); // written before tombstones had a time
        });

        int dropped = db.inTransaction(() -> expunger.forgetTombstonesBefore(NOW.minus(Duration.ofHours(25))));

        assertThat(dropped).isEqualTo(2);
        assertThat(remainingUids()).containsExactly(11L);
    }

    @Test
    void retentionIsTheLongestSessionAndAnHourOrForEverWithoutALimit() {
        assertThat(TombstonePruner.retention(Duration.ofHours(24))).contains(Duration.ofHours(25));
        assertThat(TombstonePruner.retention(Duration.ZERO)).isEqualTo(Optional.empty());
    }

    private List<Long> remainingUids() {
        return db.inTransaction(() -> db.entityManager()
                .createQuery("select e.uid from ExpungedMessage e order by e.uid", Long.class).getResultList());
    }
}
