package org.posthorn.spi.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.imap.SearchCriteria.All;
import org.posthorn.spi.imap.SearchCriteria.And;
import org.posthorn.spi.imap.SearchCriteria.BodyContains;
import org.posthorn.spi.imap.SearchCriteria.Comparison;
import org.posthorn.spi.imap.SearchCriteria.HasFlag;
import org.posthorn.spi.imap.SearchCriteria.HeaderContains;
import org.posthorn.spi.imap.SearchCriteria.InternalDate;
import org.posthorn.spi.imap.SearchCriteria.ModSeqAtLeast;
import org.posthorn.spi.imap.SearchCriteria.Not;
import org.posthorn.spi.imap.SearchCriteria.Or;
import org.posthorn.spi.imap.SearchCriteria.SentDate;
import org.posthorn.spi.imap.SearchCriteria.Size;
import org.posthorn.spi.imap.SearchCriteria.TextContains;
import org.posthorn.spi.imap.SearchCriteria.Uids;

/**
 * SEARCH (RFC 3501 §6.4.4) over a fixed mailbox of four messages, each criterion alone and combined,
 * for every {@link MailboxStoreListener} implementation. Internal dates are compared in the zone the
 * implementation reports ({@link #zone()}).
 */
public interface SearchContract {

    MailboxStoreListener store();

    String account();

    /** The zone in which internal dates are calendar days. */
    ZoneId zone();

    String SEARCHED = "Searched";

    /**
     * UID 1: plain, from Alice, sent 26 Nov 2026, \Seen. UID 2: quoted-printable umlauts, encoded
     * subject, \Flagged and $Work. UID 3: base64 HTML with a PDF attachment, big. UID 4: no Date:,
     * \Deleted, Cc and a custom header.
     */
    private void fill() {
        store().create(account(), SEARCHED);
        put("""
                From: Alice Example <alice@sender.example>
                To: bob@example.org
                Subject: Lunch tomorrow
                Date: Thu, 26 Nov 2026 23:30:00 -0800

                Shall we meet at noon?
                """, Instant.parse("2026-11-20T12:00:00Z"), "\\Seen");
        put("""
                From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>
                To: Bob <bob@example.org>
                Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=
                Date: 1 Dec 2026 08:00:00 +0100
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Sch=C3=B6ne Gr=C3=BC=C3=9Fe aus M=C3=BCnchen
                """, Instant.parse("2026-11-21T12:00:00Z"), "\\Flagged", "$Work");
        put("""
                From: reports@example.com
                To: bob@example.org
                Subject: Quarterly report
                Date: Tue, 15 Dec 2026 10:00:00 +0000
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: base64

                PHA+VGhlIG51bWJlcnMgYXJlIGdvb2Q8L3A+
                --b
                Content-Type: application/pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQKU0VDUkVUIElOIFBERg==
                --b--
                """ + "\n".repeat(2000), Instant.parse("2026-11-22T12:00:00Z"));
        put("""
                From: carol@example.org
                To: bob@example.org
                Cc: Dave <dave@example.org>
                X-Mailing-List: posthorn-dev
                Subject: no date here

                Ping.
                """, Instant.parse("2026-11-23T12:00:00Z"), "\\Deleted");
    }

    private void put(String text, Instant internalDate, String... flags) {
        byte[] bytes = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        store().append(account(), SEARCHED, Set.of(flags), Optional.of(internalDate), MessageContent.of(bytes)).value();
    }

    private List<Long> search(SearchCriteria criteria) {
        return store().search(account(), SEARCHED, criteria).value();
    }

    private LocalDate dayOf(String instant) {
        return Instant.parse(instant).atZone(zone()).toLocalDate();
    }

    @Test
    default void searchEachCriterion() {
        fill();

        assertThat(search(new All())).containsExactly(1L, 2L, 3L, 4L);
        assertThat(search(new Uids(UidSet.range(2, 3)))).containsExactly(2L, 3L);
        assertThat(search(new Uids(UidSet.range(10, 20)))).isEmpty();
        assertThat(search(new HasFlag("\\Seen"))).containsExactly(1L);
        assertThat(search(new HasFlag("\\seen"))).containsExactly(1L);
        assertThat(search(new Not(new HasFlag("\\Seen")))).containsExactly(2L, 3L, 4L);
        assertThat(search(new HasFlag("\\Deleted"))).containsExactly(4L);
        assertThat(search(new HasFlag("$work"))).containsExactly(2L);
        assertThat(search(new HasFlag("\\Recent"))).isEmpty();
        assertThat(search(new HeaderContains("From", "alice"))).containsExactly(1L);
        assertThat(search(new HeaderContains("from", "MÜLLER"))).containsExactly(2L); // RFC 2047 decoded
        assertThat(search(new HeaderContains("Subject", "grüße"))).containsExactly(2L);
        assertThat(search(new HeaderContains("To", "bob@example.org"))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(search(new HeaderContains("Cc", "dave"))).containsExactly(4L);
        assertThat(search(new HeaderContains("X-Mailing-List", ""))).containsExactly(4L);
        assertThat(search(new HeaderContains("Bcc", ""))).isEmpty();
        assertThat(search(new BodyContains("NOON"))).containsExactly(1L);
        assertThat(search(new BodyContains("münchen"))).containsExactly(2L); // quoted-printable decoded
        assertThat(search(new BodyContains("numbers are good"))).containsExactly(3L); // base64 decoded
        assertThat(search(new BodyContains("SECRET IN PDF"))).isEmpty(); // not a text part
        assertThat(search(new BodyContains("Lunch"))).isEmpty(); // header, not body
        assertThat(search(new TextContains("lunch"))).containsExactly(1L);
        assertThat(search(new TextContains("ping"))).containsExactly(4L);
        assertThat(search(new SentDate(Comparison.ON, LocalDate.of(2026, 11, 26)))).containsExactly(1L); // as written
        assertThat(search(new SentDate(Comparison.BEFORE, LocalDate.of(2026, 12, 1)))).containsExactly(1L);
        assertThat(search(new SentDate(Comparison.SINCE, LocalDate.of(2026, 12, 1)))).containsExactly(2L, 3L);
        assertThat(search(new InternalDate(Comparison.ON, dayOf("2026-11-21T12:00:00Z")))).containsExactly(2L);
        assertThat(search(new InternalDate(Comparison.BEFORE, dayOf("2026-11-21T12:00:00Z")))).containsExactly(1L);
        assertThat(search(new InternalDate(Comparison.SINCE, dayOf("2026-11-22T12:00:00Z")))).containsExactly(3L, 4L);
        assertThat(search(new Size(true, 2000))).containsExactly(3L);
        assertThat(search(new Size(false, 2000))).containsExactly(1L, 2L, 4L);
        assertThat(search(new Size(false, 1))).isEmpty();
    }

    @Test
    default void searchModSeq() {
        fill();
        long highest = store().status(account(), SEARCHED).value().highestModSeq();
        store().store(account(), SEARCHED, UidSet.of(3), new FlagUpdate(FlagUpdate.Mode.ADD, Set.of("\\Answered"),
                OptionalLong.empty()));

        assertThat(search(new ModSeqAtLeast(highest + 1))).containsExactly(3L);
        assertThat(search(new ModSeqAtLeast(0))).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    default void searchCombined() {
        fill();

        assertThat(search(new And(List.of(new Not(new HasFlag("\\Deleted")), new HeaderContains("To", "bob")))))
                .containsExactly(1L, 2L, 3L);
        assertThat(search(new Or(new HeaderContains("From", "alice"), new BodyContains("münchen"))))
                .containsExactly(1L, 2L);
        assertThat(search(new Or(new HasFlag("\\Seen"), new HasFlag("$Work")))).containsExactly(1L, 2L);
        assertThat(search(new Not(new Or(new HeaderContains("Subject", "report"), new HasFlag("\\Seen")))))
                .containsExactly(2L, 4L);
        assertThat(search(new And(List.of(new Uids(UidSet.range(1, 3)), new Not(new BodyContains("noon")),
                new Size(false, 2000))))).containsExactly(2L);
        assertThat(search(new Not(new Not(new TextContains("quarterly"))))).containsExactly(3L);
        assertThat(search(new And(List.of()))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(search(new Or(new Uids(UidSet.of(4)), new SentDate(Comparison.ON, LocalDate.of(2026, 12, 15)))))
                .containsExactly(3L, 4L);
    }
}
