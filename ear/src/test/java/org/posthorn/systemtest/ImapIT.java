package org.posthorn.systemtest;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.SearchException;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SentDateTerm;
import jakarta.mail.search.SubjectTerm;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.ImapClient;
import org.posthorn.systemtest.support.ImapLineClient;
import org.posthorn.systemtest.support.ServerCertificate;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.posthorn.systemtest.support.SmtpSender;

/**
 * IMAP against the deployed EAR with Jakarta Mail's IMAP client (Angus IMAPStore/IMAPFolder) doing what a
 * mail client does: folders and their special use, hierarchy, APPEND with UIDPLUS, FETCH of envelope,
 * structure and parts, flags seen by other connections, SEARCH, COPY/MOVE, EXPUNGE, UIDVALIDITY across
 * reconnects, IDLE woken by mail delivered over SMTP, and TLS. A raw socket checks what the library
 * hides (the set of SELECT responses, IDLE line by line). Each test has its own account, so the tests
 * are independent of each other and of their order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImapIT {

    private static final String DOMAIN = "imap.test";
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final List<String> STANDARD_FOLDERS = List.of("INBOX", "Drafts", "Sent", "Junk", "Trash", "Archive");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void createAccounts() {
        AdminApi.forTestServer().createDomainWithAccounts(DOMAIN, "folders", "tree", "appender", "parts", "flags",
                "search", "copier", "expunger", "validity", "idler", "rawidle", "select", "wrongpw", "tls", "nocharset");
    }

    @Test
    void everyAccountHasTheStandardFoldersWithTheirSpecialUse() throws Exception {
        try (var imap = client("folders")) {
            Folder root = imap.store().getDefaultFolder();
            assertThat(root.getSeparator()).as("hierarchy delimiter").isEqualTo('/');
            Map<String, List<String>> attributes = new TreeMap<>();
            for (Folder folder : root.list("*")) {
                attributes.put(folder.getFullName(), List.of(((IMAPFolder) folder).getAttributes()));
            }
            assertThat(attributes.keySet()).containsExactlyInAnyOrderElementsOf(STANDARD_FOLDERS);
            // RFC 6154 special-use attributes, which Dovecot returns in every LIST, not only with RETURN (SPECIAL-USE).
            assertThat(attributes.get("Drafts")).contains("\\Drafts");
            assertThat(attributes.get("Sent")).contains("\\Sent");
            assertThat(attributes.get("Junk")).contains("\\Junk");
            assertThat(attributes.get("Trash")).contains("\\Trash");
            assertThat(attributes.get("Archive")).contains("\\Archive");
            assertThat(attributes.get("INBOX")).doesNotContain("\\Drafts", "\\Sent", "\\Junk", "\\Trash", "\\Archive");
            // RFC 3348 CHILDREN: none of them has inferiors yet.
            attributes.forEach((name, list) -> assertThat(list).as(name).contains("\\HasNoChildren"));
            for (String name : STANDARD_FOLDERS) {
                IMAPFolder folder = imap.folder(name);
                assertThat(folder.exists()).as(name).isTrue();
                assertThat(folder.getType() & Folder.HOLDS_MESSAGES).as(name + " holds messages").isNotZero();
                assertThat(folder.getMessageCount()).as(name + " is empty").isZero();
            }
        }
    }

    @Test
    void createsRenamesAndDeletesAFolderHierarchy() throws Exception {
        try (var imap = client("tree")) {
            IMAPFolder leaf = imap.folder("Projects/2026/Q4");
            assertThat(leaf.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS)).as("CREATE Projects/2026/Q4").isTrue();
            // RFC 3501 §6.3.3: the superior hierarchy names are created as needed.
            assertThat(imap.folder("Projects").exists()).isTrue();
            assertThat(imap.folder("Projects/2026").exists()).isTrue();
            assertThat(names(imap.folder("Projects").list("*"))).containsExactlyInAnyOrder("Projects/2026", "Projects/2026/Q4");
            assertThat(names(imap.folder("Projects").list("%"))).containsExactly("Projects/2026");
            assertThat(imap.folder("Projects").getAttributes()).contains("\\HasChildren");
            assertThat(imap.folder("Projects/2026/Q4").getAttributes()).contains("\\HasNoChildren");
            assertThat(imap.folder("Projects/2026/Q4").create(Folder.HOLDS_MESSAGES)).as("CREATE of an existing name").isFalse();

            byte[] raw = MailSpineIT.crlf("From: tree@imap.test\nSubject: filed deep\nMessage-ID: <deep@imap.test>\n\nq4\n");
            leaf.appendMessages(new Message[] {fromBytes(raw)});

            // RFC 3501 §6.3.5: renaming a mailbox renames its inferiors too, with their messages.
            assertThat(imap.folder("Projects").renameTo(imap.folder("Work"))).as("RENAME Projects Work").isTrue();
            assertThat(imap.folder("Projects").exists()).isFalse();
            assertThat(imap.folder("Projects/2026/Q4").exists()).isFalse();
            IMAPFolder moved = imap.open("Work/2026/Q4", Folder.READ_ONLY);
            assertThat(moved.getMessageCount()).isEqualTo(1);
            assertThat(moved.getMessage(1).getHeader("Message-ID")).containsExactly("<deep@imap.test>");
            moved.close(false);

            assertThat(imap.folder("INBOX").delete(false)).as("DELETE INBOX is refused (RFC 3501 §6.3.4)").isFalse();
            assertThat(imap.folder("INBOX").exists()).isTrue();

            assertThat(imap.folder("Work/2026/Q4").delete(false)).isTrue();
            assertThat(imap.folder("Work/2026").delete(false)).isTrue();
            assertThat(imap.folder("Work").delete(false)).isTrue();
            assertThat(imap.folder("Work").exists()).isFalse();
            assertThat(names(imap.store().getDefaultFolder().list("*"))).containsExactlyInAnyOrderElementsOf(STANDARD_FOLDERS);
        }
    }

    @Test
    void appendKeepsFlagsDateAndBytesAndReportsAppendUid() throws Exception {
        byte[] first = MailSpineIT.crlf("""
                From: Sender <sender@elsewhere.test>
                To: appender@imap.test
                Subject: appended first
                Date: Thu, 29 Feb 2024 13:14:15 +0000
                Message-ID: <append-1@elsewhere.test>

                first body
                """);
        byte[] second = MailSpineIT.crlf("""
                From: Sender <sender@elsewhere.test>
                To: appender@imap.test
                Subject: appended second
                Date: Sun, 01 Nov 2026 08:00:00 -0500
                Message-ID: <append-2@elsewhere.test>

                second body
                """);
        MimeMessage seen = fromBytes(first);
        seen.setFlag(Flags.Flag.SEEN, true);
        MimeMessage flagged = fromBytes(second);
        Flags flags = new Flags(Flags.Flag.FLAGGED);
        flags.add("$Label1");
        flagged.setFlags(flags, true);

        try (var imap = client("appender")) {
            IMAPFolder inbox = imap.folder("INBOX");
            // Angus sends each message's Date as the APPEND date-time when it has no received date.
            AppendUID[] uids = inbox.appendUIDMessages(new Message[] {seen, flagged});
            assertThat(uids).as("APPENDUID (RFC 4315) for each message").doesNotContainNull().hasSize(2);
            assertThat(uids[0].uidvalidity).isEqualTo(inbox.getUIDValidity());
            assertThat(uids[1].uidvalidity).isEqualTo(uids[0].uidvalidity);
            assertThat(uids[1].uid).isGreaterThan(uids[0].uid);

            inbox.open(Folder.READ_ONLY);
            Message one = inbox.getMessageByUID(uids[0].uid);
            Message two = inbox.getMessageByUID(uids[1].uid);
            assertThat(one.getFlags().contains(Flags.Flag.SEEN)).isTrue();
            assertThat(one.getFlags().contains(Flags.Flag.FLAGGED)).isFalse();
            assertThat(two.getFlags().contains(Flags.Flag.FLAGGED)).isTrue();
            assertThat(two.getFlags().contains("$Label1")).isTrue();
            assertThat(two.getFlags().contains(Flags.Flag.SEEN)).isFalse();
            assertThat(one.getReceivedDate()).as("INTERNALDATE").isEqualTo(Date.from(Instant.parse("2024-02-29T13:14:15Z")));
            assertThat(two.getReceivedDate()).as("INTERNALDATE").isEqualTo(Date.from(Instant.parse("2026-11-01T13:00:00Z")));
            assertThat(one.getSize()).as("RFC822.SIZE").isEqualTo(first.length);
            assertThat(bytesOf(one)).as("BODY[] is what was appended").isEqualTo(first);
            assertThat(bytesOf(two)).isEqualTo(second);
        }
    }

    @Test
    void fetchesEnvelopeStructureAndDecodedAttachmentOfAMultipartMessage() throws Exception {
        byte[] attachment = new byte[50_000];
        new Random(7).nextBytes(attachment);
        Date sent = Date.from(Instant.parse("2026-11-20T09:30:00Z"));
        MimeMessage built = new MimeMessage(ImapClient.session(new Properties()));
        built.setFrom(new InternetAddress("carol@elsewhere.test", "Carol Sender"));
        built.setRecipients(Message.RecipientType.TO, "parts@imap.test");
        built.setRecipients(Message.RecipientType.CC, "dave@elsewhere.test");
        built.setSubject("Grüße mit Anhang", "UTF-8");
        built.setSentDate(sent);
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("Hallo — siehe Anhang.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Hallo — siehe <b>Anhang</b>.</p>", "text/html; charset=UTF-8");
        MimeBodyPart alternative = new MimeBodyPart();
        alternative.setContent(new MimeMultipart("alternative", plain, html));
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(attachment, "application/octet-stream");
        file.setFileName("data.bin");
        file.setDisposition(Part.ATTACHMENT);
        built.setContent(new MimeMultipart(alternative, file));
        built.saveChanges();
        byte[] raw = SmtpSender.bytesOf(built);
        String messageId = built.getMessageID();

        try (var imap = client("parts")) {
            AppendUID[] uids = imap.folder("INBOX").appendUIDMessages(new Message[] {fromBytes(raw)});
            assertThat(uids).doesNotContainNull();
            IMAPFolder inbox = imap.open("INBOX", Folder.READ_WRITE);
            Message message = inbox.getMessageByUID(uids[0].uid);

            // ENVELOPE
            assertThat(message.getSubject()).isEqualTo("Grüße mit Anhang");
            InternetAddress from = (InternetAddress) message.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo("carol@elsewhere.test");
            assertThat(from.getPersonal()).isEqualTo("Carol Sender");
            assertThat(addresses(message.getRecipients(Message.RecipientType.TO))).containsExactly("parts@imap.test");
            assertThat(addresses(message.getRecipients(Message.RecipientType.CC))).containsExactly("dave@elsewhere.test");
            assertThat(message.getSentDate()).isEqualTo(sent);
            assertThat(((MimeMessage) message).getMessageID()).isEqualTo(messageId);
            assertThat(message.getSize()).isEqualTo(raw.length);

            // BODYSTRUCTURE, then the parts by their section numbers (BODY[1.1], BODY[1.2], BODY[2])
            assertThat(message.getContentType().toLowerCase(Locale.ROOT)).startsWith("multipart/mixed");
            Multipart mixed = (Multipart) message.getContent();
            assertThat(mixed.getCount()).isEqualTo(2);
            BodyPart first = mixed.getBodyPart(0);
            assertThat(first.isMimeType("multipart/alternative")).as(first.getContentType()).isTrue();
            Multipart inner = (Multipart) first.getContent();
            assertThat(inner.getCount()).isEqualTo(2);
            assertThat(inner.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(inner.getBodyPart(0).getContentType().toLowerCase(Locale.ROOT)).contains("charset=utf-8");
            assertThat(inner.getBodyPart(0).getContent()).isEqualTo("Hallo — siehe Anhang.");
            assertThat(inner.getBodyPart(1).isMimeType("text/html")).isTrue();
            assertThat((String) inner.getBodyPart(1).getContent()).contains("<b>Anhang</b>");
            BodyPart second = mixed.getBodyPart(1);
            assertThat(second.isMimeType("application/octet-stream")).as(second.getContentType()).isTrue();
            assertThat(second.getFileName()).isEqualTo("data.bin");
            assertThat(second.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
            assertThat(((MimeBodyPart) second).getEncoding()).isEqualToIgnoringCase("base64");
            assertThat(second.getInputStream().readAllBytes()).as("decoded attachment").isEqualTo(attachment);

            assertThat(bytesOf(message)).as("BODY[] byte-exact").isEqualTo(raw);
        }
    }

    /**
     * RFC 2045 §5.2: a text part without a charset parameter is us-ascii, and BODYSTRUCTURE says so
     * (RFC 3501 §7.4.2 body parameters), after the part's own parameters, as Dovecot writes it.
     */
    @Test
    void structureOfTextPartsWithoutACharsetSaysUsAscii() throws Exception {
        byte[] raw = MailSpineIT.crlf("""
                From: nocharset@imap.test
                Subject: no charset
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                plain
                --b
                Content-Type: text/plain; format=flowed

                flowed text
                --b--
                """);
        try (var setup = client("nocharset")) {
            setup.folder("INBOX").appendMessages(new Message[] {fromBytes(raw)});
        }
        try (var imap = new ImapLineClient(Ports.imap())) {
            imap.login("nocharset@" + DOMAIN, AdminApi.passwordOf("nocharset"));
            assertThat(imap.command("EXAMINE INBOX").ok()).isTrue();
            ImapLineClient.Reply fetch = imap.command("FETCH 1 BODYSTRUCTURE");
            assertThat(fetch.ok()).as(fetch.toString()).isTrue();
            assertThat(fetch.untagged()).as(fetch.toString()).containsExactly("* 1 FETCH (BODYSTRUCTURE ("
                    + "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 5 1 NIL NIL NIL NIL)"
                    + "(\"text\" \"plain\" (\"format\" \"flowed\" \"charset\" \"us-ascii\") NIL NIL \"7BIT\" 11 1 NIL NIL NIL NIL)"
                    + " \"mixed\" (\"boundary\" \"b\") NIL NIL NIL))");
            assertThat(imap.command("LOGOUT").ok()).isTrue();
        }
    }

    @Test
    void flagsChangedOnOneConnectionAreSeenByOthers() throws Exception {
        try (var writer = client("flags"); var watcher = client("flags")) {
            AppendUID[] uids = writer.folder("INBOX").appendUIDMessages(new Message[] {
                    fromBytes(MailSpineIT.crlf("Subject: flag me\n\none\n")),
                    fromBytes(MailSpineIT.crlf("Subject: leave me\n\ntwo\n"))});
            IMAPFolder inbox = writer.open("INBOX", Folder.READ_WRITE);
            assertThat(inbox.getPermanentFlags().contains(Flags.Flag.USER)).as("PERMANENTFLAGS allows keywords (\\*)").isTrue();
            IMAPFolder watched = watcher.open("INBOX", Folder.READ_WRITE);
            Message seenByWatcher = watched.getMessageByUID(uids[0].uid);
            assertThat(seenByWatcher.getFlags().contains(Flags.Flag.FLAGGED)).isFalse();

            Flags set = new Flags(Flags.Flag.SEEN);
            set.add(Flags.Flag.FLAGGED);
            set.add("$Label1");
            inbox.getMessageByUID(uids[0].uid).setFlags(set, true);

            // The watcher learns it at its next command (an untagged FETCH), without fetching again.
            watched.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
            assertThat(seenByWatcher.getFlags().contains(Flags.Flag.FLAGGED)).as("flags pushed to the other session:\n"
                    + watcher.trace().tail(20)).isTrue();
            assertThat(seenByWatcher.getFlags().contains("$Label1")).isTrue();

            inbox.getMessageByUID(uids[0].uid).setFlag(Flags.Flag.FLAGGED, false);
            inbox.close(false);
            watched.close(false);

            try (var reader = client("flags")) {
                IMAPFolder fresh = reader.open("INBOX", Folder.READ_ONLY);
                Flags one = fresh.getMessageByUID(uids[0].uid).getFlags();
                assertThat(one.contains(Flags.Flag.SEEN)).isTrue();
                assertThat(one.contains("$Label1")).isTrue();
                assertThat(one.contains(Flags.Flag.FLAGGED)).as("cleared again").isFalse();
                Flags two = fresh.getMessageByUID(uids[1].uid).getFlags();
                assertThat(two.contains(Flags.Flag.SEEN)).isFalse();
                assertThat(two.getUserFlags()).isEmpty();
            }
        }
    }

    @Test
    void searchesByFromSubjectBodyFlagsAndDates() throws Exception {
        try (var imap = client("search")) {
            imap.folder("INBOX").appendUIDMessages(new Message[] {
                    searchable("alice@example.org", "Lunch on Friday", "Sat, 02 Mar 2024 12:00:00 +0000", "Shall we meet?", Flags.Flag.SEEN),
                    searchable("bob@example.org", "Quarterly report", "Sat, 15 Jun 2024 12:00:00 +0000", "Figures attached.", null),
                    searchable("alice@example.org", "Recipe", "Tue, 20 May 2025 12:00:00 +0000", "Add the pineapple last.", Flags.Flag.SEEN),
                    searchable("carol@example.org", "Weekend plans", "Sat, 10 Jan 2026 12:00:00 +0000", "Hiking or sailing?", Flags.Flag.FLAGGED)});
            IMAPFolder inbox = imap.open("INBOX", Folder.READ_ONLY);
            Date newYear2025 = Date.from(Instant.parse("2025-01-01T12:00:00Z"));

            assertThat(search(inbox, new FromStringTerm("alice"))).containsExactly("Lunch on Friday", "Recipe");
            assertThat(search(inbox, new SubjectTerm("QUARTERLY"))).containsExactly("Quarterly report");
            assertThat(search(inbox, new BodyTerm("pineapple"))).containsExactly("Recipe");
            assertThat(search(inbox, new BodyTerm("Quarterly"))).as("BODY does not search the header").isEmpty();
            assertThat(search(inbox, new FlagTerm(new Flags(Flags.Flag.FLAGGED), true))).containsExactly("Weekend plans");
            assertThat(search(inbox, new FlagTerm(new Flags(Flags.Flag.SEEN), false)))
                    .containsExactly("Quarterly report", "Weekend plans");
            assertThat(search(inbox, new ReceivedDateTerm(ComparisonTerm.LT, newYear2025)))
                    .as("BEFORE (internal date)").containsExactly("Lunch on Friday", "Quarterly report");
            assertThat(search(inbox, new SentDateTerm(ComparisonTerm.GE, newYear2025)))
                    .as("SENTSINCE (Date: header)").containsExactly("Recipe", "Weekend plans");
            assertThat(search(inbox, new OrTerm(new SubjectTerm("quarterly"), new BodyTerm("pineapple"))))
                    .containsExactly("Quarterly report", "Recipe");
            assertThat(search(inbox, new NotTerm(new FromStringTerm("alice")))).containsExactly("Quarterly report", "Weekend plans");
            assertThat(search(inbox, new AndTerm(new FromStringTerm("alice"), new SentDateTerm(ComparisonTerm.LT, newYear2025))))
                    .containsExactly("Lunch on Friday");
            assertThat(search(inbox, new AndTerm(new NotTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), true)),
                    new ReceivedDateTerm(ComparisonTerm.GE, newYear2025)))).containsExactly("Weekend plans");
            assertThat(search(inbox, new SubjectTerm("no such subject"))).isEmpty();
        }
    }

    @Test
    void copiesAndMovesReportingTheNewUids() throws Exception {
        try (var imap = client("copier")) {
            assertThat(imap.store().hasCapability("MOVE")).as("MOVE (RFC 6851) advertised").isTrue();
            assertThat(imap.store().hasCapability("UIDPLUS")).as("UIDPLUS (RFC 4315) advertised").isTrue();
            AppendUID[] uids = imap.folder("INBOX").appendUIDMessages(new Message[] {
                    fromBytes(MailSpineIT.crlf("Subject: copy me\n\n1\n")),
                    fromBytes(MailSpineIT.crlf("Subject: move me 1\n\n2\n")),
                    fromBytes(MailSpineIT.crlf("Subject: move me 2\n\n3\n"))});
            IMAPFolder archive = imap.folder("Archive");
            IMAPFolder trash = imap.folder("Trash");
            IMAPFolder inbox = imap.open("INBOX", Folder.READ_WRITE);
            Message copyMe = inbox.getMessageByUID(uids[0].uid);
            Message moveMe1 = inbox.getMessageByUID(uids[1].uid);
            Message moveMe2 = inbox.getMessageByUID(uids[2].uid);

            AppendUID[] copied = inbox.copyUIDMessages(new Message[] {copyMe}, archive);
            assertThat(copied).as("COPYUID").doesNotContainNull().hasSize(1);
            assertThat(inbox.getMessageCount()).isEqualTo(3);

            moveMe1.setFlag(Flags.Flag.SEEN, true);
            AppendUID[] moved = inbox.moveUIDMessages(new Message[] {moveMe1, moveMe2}, trash);
            assertThat(moved).as("COPYUID of MOVE").doesNotContainNull().hasSize(2);
            // Angus keeps getMessageCount() of an open folder until the client's own expunge; STATUS tells.
            assertThat(imap.folder("INBOX").getMessageCount()).as("INBOX after MOVE").isEqualTo(1);
            assertThat(moveMe1.isExpunged()).as("EXPUNGE response of MOVE").isTrue();
            assertThat(moveMe2.isExpunged()).as("EXPUNGE response of MOVE").isTrue();
            inbox.close(false);
            IMAPFolder after = imap.open("INBOX", Folder.READ_ONLY);
            assertThat(after.getMessageCount()).isEqualTo(1);
            assertThat(after.getMessageByUID(uids[1].uid)).isNull();
            assertThat(after.getUID(after.getMessage(1))).isEqualTo(uids[0].uid);
            after.close(false);

            assertThat(copied[0].uidvalidity).isEqualTo(archive.getUIDValidity());
            assertThat(moved[0].uidvalidity).isEqualTo(trash.getUIDValidity());
            archive.open(Folder.READ_ONLY);
            assertThat(archive.getMessageByUID(copied[0].uid).getSubject()).isEqualTo("copy me");
            trash.open(Folder.READ_ONLY);
            Message inTrash1 = trash.getMessageByUID(moved[0].uid);
            assertThat(inTrash1.getSubject()).isEqualTo("move me 1");
            assertThat(inTrash1.getFlags().contains(Flags.Flag.SEEN)).as("flags move with the message").isTrue();
            assertThat(trash.getMessageByUID(moved[1].uid).getSubject()).isEqualTo("move me 2");
            assertThat(trash.getMessageCount()).isEqualTo(2);
        }
    }

    @Test
    void expungeRemovesDeletedMessagesAndUidExpungeOnlyTheNamedOnes() throws Exception {
        try (var imap = client("expunger")) {
            AppendUID[] uids = imap.folder("INBOX").appendUIDMessages(new Message[] {
                    fromBytes(MailSpineIT.crlf("Subject: keep\n\n1\n")),
                    fromBytes(MailSpineIT.crlf("Subject: uid expunge me\n\n2\n")),
                    fromBytes(MailSpineIT.crlf("Subject: deleted but kept a while\n\n3\n")),
                    fromBytes(MailSpineIT.crlf("Subject: expunge me\n\n4\n"))});
            IMAPFolder inbox = imap.open("INBOX", Folder.READ_WRITE);
            Message second = inbox.getMessageByUID(uids[1].uid);
            Message third = inbox.getMessageByUID(uids[2].uid);
            Message fourth = inbox.getMessageByUID(uids[3].uid);
            second.setFlag(Flags.Flag.DELETED, true);
            third.setFlag(Flags.Flag.DELETED, true);

            // UID EXPUNGE (RFC 4315) removes only the named \Deleted message.
            assertThat(inbox.expunge(new Message[] {second})).containsExactly(second);
            assertThat(inbox.getMessageCount()).isEqualTo(3);
            assertThat(third.isExpunged()).isFalse();
            assertThat(inbox.getMessageByUID(uids[2].uid).getFlags().contains(Flags.Flag.DELETED)).isTrue();

            fourth.setFlag(Flags.Flag.DELETED, true);
            assertThat(inbox.expunge()).containsExactlyInAnyOrder(third, fourth);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(inbox.getUID(inbox.getMessage(1))).isEqualTo(uids[0].uid);
            inbox.close(false);
        }
        try (var again = client("expunger")) {
            IMAPFolder inbox = again.open("INBOX", Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("keep");
        }
    }

    @Test
    void uidValidityAndUidsAreStableAcrossReconnects() throws Exception {
        long validity;
        long next;
        long uid;
        try (var first = client("validity")) {
            IMAPFolder inbox = first.open("INBOX", Folder.READ_ONLY);
            validity = inbox.getUIDValidity();
            next = inbox.getUIDNext();
            inbox.close(false);
            AppendUID[] appended = first.folder("INBOX").appendUIDMessages(new Message[] {
                    fromBytes(MailSpineIT.crlf("Subject: stable\nMessage-ID: <stable@imap.test>\n\nx\n"))});
            assertThat(appended[0].uidvalidity).isEqualTo(validity);
            assertThat(appended[0].uid).as("UIDNEXT was honest").isEqualTo(next);
            uid = appended[0].uid;
        }
        try (var second = client("validity")) {
            IMAPFolder inbox = second.folder("INBOX");
            assertThat(inbox.getUIDValidity()).as("STATUS UIDVALIDITY").isEqualTo(validity);
            assertThat(inbox.getUIDNext()).as("STATUS UIDNEXT").isEqualTo(uid + 1);
            inbox.open(Folder.READ_WRITE);
            assertThat(inbox.getUIDValidity()).as("SELECT UIDVALIDITY").isEqualTo(validity);
            assertThat(inbox.getUIDNext()).as("SELECT UIDNEXT").isEqualTo(uid + 1);
            assertThat(((MimeMessage) inbox.getMessageByUID(uid)).getMessageID()).isEqualTo("<stable@imap.test>");
            // Expunging the newest message must not let its UID be given out again (RFC 3501 §2.3.1.1).
            inbox.getMessageByUID(uid).setFlag(Flags.Flag.DELETED, true);
            inbox.expunge();
            inbox.close(false);
            AppendUID[] later = inbox.appendUIDMessages(new Message[] {fromBytes(MailSpineIT.crlf("Subject: later\n\ny\n"))});
            assertThat(later[0].uidvalidity).isEqualTo(validity);
            assertThat(later[0].uid).isGreaterThan(uid);
        }
    }

    @Test
    void idleIsToldOfMailDeliveredBySmtp() throws Exception {
        String subject = "idle-" + System.nanoTime();
        try (var imap = client("idler")) {
            assertThat(imap.store().hasCapability("IDLE")).isTrue();
            IMAPFolder inbox = imap.open("INBOX", Folder.READ_WRITE);
            int before = inbox.getMessageCount();
            CountDownLatch added = new CountDownLatch(1);
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent event) {
                    added.countDown();
                }
            });
            AtomicReference<Throwable> failure = new AtomicReference<>();
            int mark = imap.trace().mark();
            Thread idler = new Thread(() -> {
                try {
                    // idle(true) returns after the first untagged response; go on until it was the new message.
                    while (added.getCount() > 0) {
                        inbox.idle(true);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "imap-idle");
            idler.setDaemon(true);
            idler.start();
            // Only once the server said "+" is the client idling: then the delivery has to be pushed to it.
            int idleCommand = imap.trace().await(mark, Pattern.compile("\\S+ IDLE"), GENEROUS);
            imap.trace().await(idleCommand + 1, Pattern.compile("\\+.*"), GENEROUS);

            deliver("idler@" + DOMAIN, subject);

            assertThat(added.await(GENEROUS.toSeconds(), SECONDS)).as("EXISTS pushed during IDLE; trace:\n"
                    + imap.trace().tail(30)).isTrue();
            assertThat(failure.get()).isNull();
            assertThat(inbox.getMessageCount()).isEqualTo(before + 1);
            assertThat(inbox.getMessage(before + 1).getSubject()).isEqualTo(subject);
            inbox.close(false);
            idler.join(GENEROUS.toMillis());
            assertThat(idler.isAlive()).as("the IDLE thread ended").isFalse();
            assertThat(failure.get()).isNull();
        }
    }

    @Test
    void idleOnTheWireGetsExistsForSmtpDelivery() throws Exception {
        try (var imap = new ImapLineClient(Ports.imap())) {
            assertThat(imap.greeting()).startsWith("* OK");
            imap.login("rawidle@" + DOMAIN, AdminApi.passwordOf("rawidle"));
            ImapLineClient.Reply select = imap.command("SELECT INBOX");
            assertThat(select.ok()).as(select.toString()).isTrue();
            int exists = exists(select);
            String tag = imap.start("IDLE");
            assertThat(imap.readResponse()).as("IDLE continuation").startsWith("+");

            deliver("rawidle@" + DOMAIN, "raw idle");

            List<String> during = new ArrayList<>();
            String line;
            do {
                line = imap.readResponse();
                assertThat(line).as("an untagged response during IDLE").startsWith("* ");
                during.add(line);
            } while (!line.matches("\\* \\d+ EXISTS"));
            assertThat(line).as("untagged responses during IDLE: " + during).isEqualTo("* " + (exists + 1) + " EXISTS");
            imap.send("DONE");
            ImapLineClient.Reply done = imap.readUntilTagged(tag);
            assertThat(done.ok()).as(done.toString()).isTrue();
            assertThat(imap.command("LOGOUT").ok()).isTrue();
        }
    }

    @Test
    void selectAnswersEveryRequiredResponseOnce() throws Exception {
        AppendUID[] uids;
        try (var setup = client("select")) {
            MimeMessage seen = fromBytes(MailSpineIT.crlf("Subject: seen\n\n1\n"));
            seen.setFlag(Flags.Flag.SEEN, true);
            uids = setup.folder("INBOX").appendUIDMessages(new Message[] {seen, fromBytes(MailSpineIT.crlf("Subject: unseen\n\n2\n"))});
        }
        try (var imap = new ImapLineClient(Ports.imap())) {
            imap.login("select@" + DOMAIN, AdminApi.passwordOf("select"));
            ImapLineClient.Reply select = imap.command("SELECT INBOX");
            // RFC 3501 §6.3.1 (with erratum 3032), RFC 7162 §3.1.2.1; the order is the server's choice.
            assertThat(select.tagged()).as(select.toString()).matches("t2 OK \\[READ-WRITE\\] .*");
            assertThat(select.matching("\\* FLAGS \\(.*\\)")).as(select.toString()).singleElement()
                    .satisfies(flags -> assertThat(flags).contains("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"));
            assertThat(select.matching("\\* OK \\[PERMANENTFLAGS \\(.*\\)\\].*")).as(select.toString()).singleElement()
                    .satisfies(flags -> assertThat(flags).contains("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft", "\\*"));
            assertThat(select.matching("\\* \\d+ EXISTS")).as(select.toString()).containsExactly("* 2 EXISTS");
            assertThat(select.matching("\\* \\d+ RECENT")).as(select.toString()).containsExactly("* 2 RECENT");
            assertThat(select.matching("\\* OK \\[UNSEEN \\d+\\].*")).as(select.toString()).singleElement()
                    .satisfies(unseen -> assertThat(unseen).startsWith("* OK [UNSEEN 2]"));
            assertThat(select.matching("\\* OK \\[UIDVALIDITY \\d+\\].*")).as(select.toString()).singleElement()
                    .satisfies(validity -> assertThat(validity).startsWith("* OK [UIDVALIDITY " + uids[0].uidvalidity + "]"));
            assertThat(select.matching("\\* OK \\[UIDNEXT \\d+\\].*")).as(select.toString()).singleElement()
                    .satisfies(next -> assertThat(next).startsWith("* OK [UIDNEXT " + (uids[1].uid + 1) + "]"));
            assertThat(select.matching("\\* OK \\[HIGHESTMODSEQ \\d+\\].*")).as(select.toString()).hasSize(1);

            ImapLineClient.Reply examine = imap.command("EXAMINE INBOX");
            assertThat(examine.tagged()).as(examine.toString()).matches("t3 OK \\[READ-ONLY\\] .*");
            assertThat(examine.matching("\\* \\d+ EXISTS")).containsExactly("* 2 EXISTS");
            assertThat(imap.command("LOGOUT").ok()).isTrue();
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> new ImapClient("wrongpw@" + DOMAIN, "not-the-password").close())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void implicitTlsAndStartTlsBothLogIn() throws Exception {
        SSLSocketFactory trusting = ServerCertificate.trustingServerCertificate();

        Properties imaps = new Properties();
        imaps.put("mail.imaps.ssl.socketFactory", trusting);
        // The certificate names mx.posthorn.test, not the 127.0.0.1 the test connects to (as in TlsIT).
        imaps.put("mail.imaps.ssl.checkserveridentity", "false");
        IMAPStore overTls = (IMAPStore) ImapClient.session(imaps).getStore("imaps");
        overTls.connect("127.0.0.1", Ports.imaps(), "tls@" + DOMAIN, AdminApi.passwordOf("tls"));
        try {
            assertThat(overTls.hasCapability("STARTTLS")).as("no STARTTLS inside TLS").isFalse();
            assertThat(overTls.getFolder("INBOX").exists()).isTrue();
        } finally {
            overTls.close();
        }

        Properties starttls = new Properties();
        starttls.put("mail.imap.starttls.enable", "true");
        starttls.put("mail.imap.starttls.required", "true");
        starttls.put("mail.imap.ssl.socketFactory", trusting);
        starttls.put("mail.imap.ssl.checkserveridentity", "false");
        IMAPStore upgraded = (IMAPStore) ImapClient.session(starttls).getStore("imap");
        upgraded.connect("127.0.0.1", Ports.imap(), "tls@" + DOMAIN, AdminApi.passwordOf("tls"));
        try {
            assertThat(upgraded.hasCapability("STARTTLS")).as("STARTTLS not offered again after it").isFalse();
            assertThat(upgraded.getFolder("INBOX").exists()).isTrue();
        } finally {
            upgraded.close();
        }
    }

    private static ImapClient client(String localPart) throws MessagingException {
        return new ImapClient(localPart + "@" + DOMAIN, AdminApi.passwordOf(localPart));
    }

    private static MimeMessage fromBytes(byte[] raw) throws MessagingException {
        return SmtpSender.fromBytes(ImapClient.session(new Properties()), raw);
    }

    private static MimeMessage searchable(String from, String subject, String date, String body, Flags.Flag flag)
            throws MessagingException {
        MimeMessage message = fromBytes(MailSpineIT.crlf("From: " + from + "\nTo: search@imap.test\nSubject: " + subject
                + "\nDate: " + date + "\n\n" + body + "\n"));
        if (flag != null) {
            message.setFlag(flag, true);
        }
        return message;
    }

    /** Subjects of what the server's SEARCH found, sorted; never Angus's fallback of searching in the client. */
    private static TreeSet<String> search(IMAPFolder folder, SearchTerm term) throws MessagingException {
        int[] numbers = (int[]) folder.doCommand(protocol -> {
            try {
                return protocol.search(term);
            } catch (SearchException e) {
                throw new ProtocolException("not expressible in IMAP: " + e.getMessage(), e);
            }
        });
        TreeSet<String> subjects = new TreeSet<>();
        for (int number : numbers) {
            subjects.add(folder.getMessage(number).getSubject());
        }
        return subjects;
    }

    private static List<String> names(Folder[] folders) {
        return java.util.Arrays.stream(folders).map(Folder::getFullName).toList();
    }

    private static List<String> addresses(jakarta.mail.Address[] addresses) {
        return java.util.Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static byte[] bytesOf(Message message) throws Exception {
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static int exists(ImapLineClient.Reply reply) {
        for (String line : reply.untagged()) {
            Matcher matcher = Pattern.compile("\\* (\\d+) EXISTS").matcher(line);
            if (matcher.matches()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("no EXISTS in " + reply);
    }

    static void deliver(String to, String subject) throws MessagingException {
        Session session = SmtpSender.session(Ports.smtp());
        SmtpSender.send(session, SmtpSender.fromBytes(session, MailSpineIT.crlf(
                "From: sender@elsewhere.test\nTo: " + to + "\nSubject: " + subject + "\n\ndelivered by SMTP\n")),
                "sender@elsewhere.test", to);
    }
}
