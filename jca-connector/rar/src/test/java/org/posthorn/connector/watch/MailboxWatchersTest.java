package org.posthorn.connector.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailboxWatchersTest {

    private final MailboxWatchers watchers = new MailboxWatchers();

    @Test
    void aChangeReachesEveryWatcherOfThatMailboxAndNoOther() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        AtomicInteger archive = new AtomicInteger();
        AtomicInteger otherAccount = new AtomicInteger();
        watchers.watch("bob@example.org", "INBOX", first::incrementAndGet);
        watchers.watch("bob@example.org", "INBOX", second::incrementAndGet);
        watchers.watch("bob@example.org", "Archive", archive::incrementAndGet);
        watchers.watch("carol@example.org", "INBOX", otherAccount::incrementAndGet);

        watchers.changed("bob@example.org", "INBOX");

        assertThat(List.of(first.get(), second.get(), archive.get(), otherAccount.get())).containsExactly(1, 1, 0, 0);
    }

    @Test
    void accountsCompareIgnoringCase() {
        AtomicInteger calls = new AtomicInteger();
        watchers.watch("Bob@Example.ORG", "Archive", calls::incrementAndGet);

        watchers.changed("bob@example.org", "Archive");
        watchers.changed("BOB@EXAMPLE.ORG", "Archive");

        assertThat(calls).hasValue(2);
    }

    @Test
    void inboxComparesIgnoringCaseAndOtherNamesExactly() {
        AtomicInteger inbox = new AtomicInteger();
        AtomicInteger work = new AtomicInteger();
        AtomicInteger inboxChild = new AtomicInteger();
        watchers.watch("bob@example.org", "inbox", inbox::incrementAndGet);
        watchers.watch("bob@example.org", "Work", work::incrementAndGet);
        watchers.watch("bob@example.org", "INBOX/Sub", inboxChild::incrementAndGet);

        watchers.changed("bob@example.org", "INBOX");
        watchers.changed("bob@example.org", "InBox");
        watchers.changed("bob@example.org", "work");
        watchers.changed("bob@example.org", "WORK");
        watchers.changed("bob@example.org", "inbox/Sub");

        assertThat(inbox).hasValue(2);
        assertThat(work).hasValue(0);
        assertThat(inboxChild).hasValue(0);

        watchers.changed("bob@example.org", "Work");
        watchers.changed("bob@example.org", "INBOX/Sub");
        assertThat(work).hasValue(1);
        assertThat(inboxChild).hasValue(1);
    }

    @Test
    void cancelStopsTheCallsAndIsIdempotent() {
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        MailboxWatchers.Registration registration = watchers.watch("bob@example.org", "INBOX", cancelled::incrementAndGet);
        watchers.watch("bob@example.org", "INBOX", kept::incrementAndGet);
        assertThat(watchers.size()).isEqualTo(2);

        registration.cancel();
        registration.cancel();
        watchers.changed("bob@example.org", "INBOX");

        assertThat(cancelled).hasValue(0);
        assertThat(kept).hasValue(1);
        assertThat(watchers.size()).isEqualTo(1);
    }

    @Test
    void theSameCallbackTwiceIsTwoRegistrations() {
        AtomicInteger calls = new AtomicInteger();
        Runnable onChange = calls::incrementAndGet;
        MailboxWatchers.Registration first = watchers.watch("bob@example.org", "INBOX", onChange);
        watchers.watch("bob@example.org", "INBOX", onChange);

        watchers.changed("bob@example.org", "INBOX");
        first.cancel();
        watchers.changed("bob@example.org", "INBOX");

        assertThat(calls).hasValue(3);
        assertThat(watchers.size()).isEqualTo(1);
    }

    @Test
    void changedAllReachesEveryMailboxOfTheAccountOnly() {
        AtomicInteger bob = new AtomicInteger();
        AtomicInteger carol = new AtomicInteger();
        watchers.watch("bob@example.org", "INBOX", bob::incrementAndGet);
        watchers.watch("bob@example.org", "Archive", bob::incrementAndGet);
        watchers.watch("bob@example.org", "Projects/Alpha", bob::incrementAndGet);
        watchers.watch("carol@example.org", "INBOX", carol::incrementAndGet);

        watchers.changedAll("BOB@example.org");

        assertThat(bob).hasValue(3);
        assertThat(carol).hasValue(0);
    }

    @Test
    void aChangeNobodyWatchesIsNoError() {
        watchers.changed("nobody@example.org", "INBOX");
        watchers.changedAll("nobody@example.org");

        assertThat(watchers.size()).isZero();
    }

    @Test
    void aFailingWatcherDoesNotKeepTheNewsFromTheOthers() {
        AtomicInteger calls = new AtomicInteger();
        watchers.watch("bob@example.org", "INBOX", () -> {
            throw new IllegalStateException("broken session");
        });
        watchers.watch("bob@example.org", "INBOX", calls::incrementAndGet);

        watchers.changed("bob@example.org", "INBOX");
        watchers.changedAll("bob@example.org");

        assertThat(calls).hasValue(2);
    }

    @Test
    void namesAndCallbacksAreRequired() {
        assertThatThrownBy(() -> watchers.watch(null, "INBOX", () -> { })).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> watchers.watch("bob@example.org", null, () -> { }))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> watchers.watch("bob@example.org", "INBOX", null))
                .isInstanceOf(NullPointerException.class);
        assertThat(watchers.size()).isZero();
    }

    /** Sessions come and go on many threads while changes are announced: no lost or stray registration. */
    @Test
    void concurrentWatchCancelAndChangeKeepTheIndexConsistent() throws Exception {
        int threads = 8;
        int rounds = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            AtomicInteger stableCalls = new AtomicInteger();
            watchers.watch("bob@example.org", "INBOX", stableCalls::incrementAndGet);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> sessions = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String mailbox = t % 2 == 0 ? "INBOX" : "Archive";
                sessions.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        watchers.watch("bob@example.org", mailbox, () -> { }).cancel();
                    }
                    return null;
                }));
            }
            int changes = 5_000;
            Future<?> notifier = pool.submit(() -> {
                start.await();
                for (int i = 0; i < changes; i++) {
                    watchers.changed("bob@example.org", "INBOX");
                }
                return null;
            });
            start.countDown();
            for (Future<?> session : sessions) {
                session.get(30, TimeUnit.SECONDS);
            }
            notifier.get(30, TimeUnit.SECONDS);

            assertThat(stableCalls).hasValue(changes);
            assertThat(watchers.size()).isEqualTo(1);
            AtomicInteger late = new AtomicInteger();
            watchers.watch("bob@example.org", "Archive", late::incrementAndGet);
            watchers.changedAll("bob@example.org");
            assertThat(late).hasValue(1);
            assertThat(stableCalls).hasValue(changes + 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
