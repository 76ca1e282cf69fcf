package org.posthorn.connector.imap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.imap.decode.Feeder.command;
import static org.posthorn.connector.imap.decode.Feeder.one;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per command at least: the record each command decodes to, field by field. */
class ImapCommandTest {

    private static SequenceSet set(String text) {
        return SequenceSet.parse(text).orElseThrow();
    }

    @Test
    void commandsWithoutArguments() {
        assertThat(one("t CAPABILITY")).isEqualTo(new ImapCommand.Capability("t"));
        assertThat(one("t noop")).isEqualTo(new ImapCommand.Noop("t"));
        assertThat(one("t LOGOUT")).isEqualTo(new ImapCommand.Logout("t"));
        assertThat(one("t STARTTLS")).isEqualTo(new ImapCommand.StartTls("t"));
        assertThat(one("t IDLE")).isEqualTo(new ImapCommand.Idle("t"));
        assertThat(one("t NAMESPACE")).isEqualTo(new ImapCommand.Namespace("t"));
        assertThat(one("t CHECK")).isEqualTo(new ImapCommand.Check("t"));
        assertThat(one("t CLOSE")).isEqualTo(new ImapCommand.Close("t"));
        assertThat(one("t UNSELECT")).isEqualTo(new ImapCommand.Unselect("t"));
        assertThat(one("t EXPUNGE")).isEqualTo(new ImapCommand.Expunge("t", Optional.empty()));
    }

    @Test
    void loginTakesAstringsInAnyFormAndHidesThePassword() {
        ImapCommand.Login login = command("x1 LOGIN {17+}\\r\\nalice@example.org \"s3cr\\\\\"t\"", ImapCommand.Login.class);

        assertThat(login).isEqualTo(new ImapCommand.Login("x1", "alice@example.org", "s3cr\"t"));
        assertThat(login.toString()).contains("alice@example.org").doesNotContain("s3cr");
    }

    @Test
    void authenticateWithAndWithoutInitialResponse() {
        assertThat(one("t AUTHENTICATE plain")).isEqualTo(new ImapCommand.Authenticate("t", "PLAIN", Optional.empty()));
        assertThat(one("t AUTHENTICATE PLAIN =")).isEqualTo(new ImapCommand.Authenticate("t", "PLAIN", Optional.of("")));
        ImapCommand.Authenticate ir = command("t AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==", ImapCommand.Authenticate.class);
        assertThat(ir.initialResponse()).contains("AGFsaWNlAHNlY3JldA==");
        assertThat(ir.toString()).doesNotContain("AGFs");
    }

    @Test
    void enableListsCapabilitiesInUpperCase() {
        assertThat(one("t ENABLE condstore UTF8=ACCEPT"))
                .isEqualTo(new ImapCommand.Enable("t", List.of("CONDSTORE", "UTF8=ACCEPT")));
    }

    @Test
    void idKeepsFieldOrderAndNil() {
        assertThat(one("t ID (\"name\" \"Mutt\" \"os\" NIL)")).isEqualTo(new ImapCommand.Id("t", List.of(
                new ImapCommand.Id.Field("name", Optional.of("Mutt")), new ImapCommand.Id.Field("os", Optional.empty()))));
        assertThat(one("t ID NIL")).isEqualTo(new ImapCommand.Id("t", List.of()));
    }

    @Test
    void idRefusesMoreThanThirtyFields() {
        String fields = "\"f\" \"v\" ".repeat(31).strip();

        assertThat(one("t ID (" + fields + ")")).isInstanceOfSatisfying(ParseError.class,
                e -> assertThat(e.message()).isEqualTo("Too many ID fields"));
    }

    @Test
    void idMeasuresAFieldAsDecoded() {
        // 29 octets as sent, but the bad octet decodes to U+FFFD (three octets): 31, over RFC 2971's 30.
        // The fuzz test found the decoder accepting it and then refusing its own rendering of it.
        String field = "a".repeat(28) + "\\xFF";
        assertThat(one("t ID (\"" + field + "\" NIL)")).isInstanceOfSatisfying(ParseError.class,
                e -> assertThat(e.message()).isEqualTo("ID field or value too long"));
        assertThat(one("t ID (\"" + "a".repeat(27) + "\\xFF\" NIL)")).isInstanceOf(ImapCommand.Id.class);
    }

    @Test
    void selectAndExamine() {
        assertThat(one("t SELECT inbox")).isEqualTo(new ImapCommand.Select("t", "INBOX", false, false));
        assertThat(one("t EXAMINE \"Archive/2024\" (CONDSTORE)"))
                .isEqualTo(new ImapCommand.Select("t", "Archive/2024", true, true));
    }

    @Test
    void mailboxNamesAreKeptAsSentButInbox() {
        assertThat(one("t CREATE \"Entw&APw-rfe\"")).isEqualTo(new ImapCommand.Create("t", "Entw&APw-rfe"));
        assertThat(one("t CREATE INBOX.child")).isEqualTo(new ImapCommand.Create("t", "INBOX.child"));
        assertThat(one("t CREATE inbox.child")).isEqualTo(new ImapCommand.Create("t", "inbox.child"));
        assertThat(one("t DELETE iNbOx")).isEqualTo(new ImapCommand.Delete("t", "INBOX"));
    }

    @Test
    void renameSubscribeUnsubscribe() {
        assertThat(one("t RENAME old {3}\\r\\nnew")).isEqualTo(new ImapCommand.Rename("t", "old", "new"));
        assertThat(one("t SUBSCRIBE Lists")).isEqualTo(new ImapCommand.Subscribe("t", "Lists"));
        assertThat(one("t UNSUBSCRIBE \"\"")).isEqualTo(new ImapCommand.Unsubscribe("t", ""));
    }

    @Test
    void lsubKeepsWildcards() {
        assertThat(one("t LSUB \"#news.\" comp.*.%")).isEqualTo(new ImapCommand.Lsub("t", "#news.", "comp.*.%"));
    }

    @Test
    void statusItemsAreASet() {
        assertThat(one("t STATUS INBOX (UNSEEN MESSAGES UNSEEN HIGHESTMODSEQ)")).isEqualTo(new ImapCommand.Status("t",
                "INBOX", Set.of(StatusItem.MESSAGES, StatusItem.UNSEEN, StatusItem.HIGHESTMODSEQ)));
    }

    @Test
    void appendKeepsTheMessageOctetForOctet() {
        ImapCommand.Append append = command(
                "t APPEND Drafts (\\\\Draft $Label1) \"05-Nov-2026 23:59:59 +0130\" {9}\\r\\na\\x00b\\r\\n.\\xFF\\r\\n",
                ImapCommand.Append.class);

        assertThat(append.mailbox()).isEqualTo("Drafts");
        assertThat(append.flags()).containsExactly("\\Draft", "$Label1");
        assertThat(append.internalDate())
                .contains(OffsetDateTime.of(2026, 11, 5, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(1, 30)));
        assertThat(append.message().toByteArray()).containsExactly('a', 0, 'b', '\r', '\n', '.', 0xFF, '\r', '\n');
        assertThat(append.toString()).doesNotContain("a\u0000b");
    }

    @Test
    void appendWithoutFlagsOrDate() {
        assertThat(one("t APPEND INBOX {2+}\\r\\nhi")).isEqualTo(new ImapCommand.Append("t", "INBOX", List.of(),
                Optional.empty(), Octets.utf8("hi")));
    }

    @Test
    void uidExpungeCopyMove() {
        assertThat(one("t UID EXPUNGE 3:5,9")).isEqualTo(new ImapCommand.Expunge("t", Optional.of(set("3:5,9"))));
        assertThat(one("t COPY 2:4 Saved")).isEqualTo(new ImapCommand.Copy("t", false, set("2:4"), "Saved"));
        assertThat(one("t uid copy 1:* Saved")).isEqualTo(new ImapCommand.Copy("t", true, set("1:*"), "Saved"));
        assertThat(one("t MOVE $ Trash")).isEqualTo(new ImapCommand.Move("t", false, SequenceSet.savedResult(), "Trash"));
        assertThat(one("t UID MOVE 7 inbox")).isEqualTo(new ImapCommand.Move("t", true, set("7"), "INBOX"));
    }

    @Test
    void storeForms() {
        assertThat(one("t STORE 1:3 +FLAGS.SILENT (\\\\Seen \\\\Deleted)")).isEqualTo(new Store("t", false, set("1:3"),
                OptionalLong.empty(), Store.Operation.ADD, true, List.of("\\Seen", "\\Deleted")));
        assertThat(one("t UID STORE 5 (UNCHANGEDSINCE 320162338) -FLAGS $Junk")).isEqualTo(new Store("t", true,
                set("5"), OptionalLong.of(320162338), Store.Operation.REMOVE, false, List.of("$Junk")));
        assertThat(one("t STORE * FLAGS ()")).isEqualTo(new Store("t", false, set("*"), OptionalLong.empty(),
                Store.Operation.REPLACE, false, List.of()));
    }

    @Test
    void fetchSectionsArePartsTextAndFields() {
        Fetch fetch = command("t UID FETCH 1:* (UID BODY.PEEK[1.2.HEADER.FIELDS.NOT (Received X-Spam)]<0.2048>) "
                + "(CHANGEDSINCE 7)", Fetch.class);

        assertThat(fetch.uid()).isTrue();
        assertThat(fetch.changedSince()).hasValue(7);
        assertThat(fetch.attributes()).containsExactly(new FetchAttribute.Simple(FetchAttribute.Item.UID),
                new FetchAttribute.BodySection(true, new FetchAttribute.Section(List.of(1L, 2L),
                        FetchAttribute.Text.HEADER_FIELDS_NOT, List.of("Received", "X-Spam")),
                        Optional.of(new FetchAttribute.Partial(0, 2048))));
        assertThat(fetch.attributes().get(1)).hasToString("BODY.PEEK[1.2.HEADER.FIELDS.NOT (Received X-Spam)]<0.2048>");
    }

    @Test
    void fetchMacrosExpand() {
        assertThat(command("t FETCH 1 full", Fetch.class).attributes()).isEqualTo(FetchAttribute.FULL)
                .extracting(Object::toString)
                .containsExactly("FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY");
    }

    @Test
    void searchJuxtapositionIsAndAndOrTakesTwoKeys() {
        Search search = command("t SEARCH CHARSET UTF-8 OR FROM alice SUBJECT {2}\\r\\nhi NOT SEEN", Search.class);

        assertThat(search.charset()).contains("UTF-8");
        assertThat(search.returnOptions()).isEmpty();
        assertThat(search.key()).isEqualTo(new SearchKey.And(List.of(
                new SearchKey.Or(new SearchKey.Text(SearchKey.TextField.FROM, Octets.utf8("alice")),
                        new SearchKey.Text(SearchKey.TextField.SUBJECT, Octets.utf8("hi"))),
                new SearchKey.Not(new SearchKey.Simple(SearchKey.Flag.SEEN)))));
        assertThat(search.key()).hasToString("(OR FROM \"alice\" SUBJECT \"hi\" NOT SEEN)");
    }

    @Test
    void searchStringsStayOctetsInTheirCharset() {
        Search search = command("t SEARCH CHARSET ISO-8859-1 BODY {4}\\r\\nK\\xE4se", Search.class);

        assertThat(((SearchKey.Text) search.key()).value().toByteArray()).containsExactly('K', 0xE4, 's', 'e');
    }

    @Test
    void searchModSeqWithEntry() {
        Search search = command("t SEARCH MODSEQ \"/flags/\\\\\\\\Draft\" shared 5", Search.class);

        assertThat(search.key()).isEqualTo(new SearchKey.ModSeq(Optional.of("\\Draft"),
                Optional.of(SearchKey.EntryType.SHARED), 5));
    }

    @Test
    void listBasicAndExtended() {
        assertThat(one("t LIST \"\" %")).isEqualTo(new ListMailboxes("t", false, Set.of(), "", List.of("%"), Set.of(), Set.of()));
        assertThat(one("t LIST (SUBSCRIBED) \"\" (INBOX* Sent) RETURN (CHILDREN STATUS (UNSEEN))")).isEqualTo(
                new ListMailboxes("t", true, Set.of(ListMailboxes.Selection.SUBSCRIBED), "", List.of("INBOX*", "Sent"),
                        Set.of(ListMailboxes.Return.CHILDREN, ListMailboxes.Return.STATUS), Set.of(StatusItem.UNSEEN)));
    }

    @Test
    void trailingGarbageUnknownCommandsAndMissingTagsAreValues() {
        assertThat(one("t NOOP now")).isInstanceOfSatisfying(ParseError.class, e -> {
            assertThat(e.tag()).contains("t");
            assertThat(e.problem()).isEqualTo(ParseError.Problem.SYNTAX);
        });
        assertThat(one("t XYZZY")).isInstanceOfSatisfying(ParseError.class,
                e -> assertThat(e.problem()).isEqualTo(ParseError.Problem.UNKNOWN_COMMAND));
        assertThat(one("(t) NOOP")).isInstanceOfSatisfying(ParseError.class, e -> assertThat(e.tag()).isEmpty());
    }
}
