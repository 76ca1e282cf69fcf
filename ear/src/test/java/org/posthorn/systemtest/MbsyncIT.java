package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.ImapClient;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.posthorn.systemtest.support.SmtpSender;

/**
 * A real, independent IMAP client against the deployed EAR: {@code mbsync} (Debian package isync, which
 * .ci/run installs) syncs an account to a local Maildir and back, flags and deletions included, run
 * after run with no error and nothing duplicated. What the server holds is checked with Jakarta Mail.
 * Without mbsync the tests fail: they are never skipped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MbsyncIT {

    private static final String DOMAIN = "mbsync.test";
    /** mbsync's own warning for {@code SSLType None}, which these tests choose (plaintext is allowed from loopback). */
    private static final String CLEARTEXT_WARNING = "*** IMAP Warning *** Password is being sent in the clear";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void createAccounts() {
        AdminApi.forTestServer().createDomainWithAccounts(DOMAIN, "sync", "folders");
    }

    @Test
    void syncsBothWaysRunAfterRunWithoutErrorsOrDuplicates(@TempDir Path work) throws Exception {
        String mbsync = mbsync();
        for (int i = 1; i <= 3; i++) {
            deliver("sync", i);
        }
        Path rc = config(work, "sync");

        run(mbsync, rc);
        Path inbox = work.resolve("inbox");
        Map<String, Path> local = maildir(inbox);
        assertThat(local.keySet()).containsExactlyInAnyOrder("<sync-1@elsewhere.test>", "<sync-2@elsewhere.test>",
                "<sync-3@elsewhere.test>");
        for (String folder : List.of("Drafts", "Sent", "Junk", "Trash", "Archive")) {
            assertThat(work.resolve("mail").resolve(folder).resolve("cur")).as(folder + " created as a Maildir").isDirectory();
        }

        // Local changes: flags by renaming (Maildir info ":2,<flags>"), one deleted, one new.
        setFlags(local.get("<sync-1@elsewhere.test>"), "S");
        setFlags(local.get("<sync-2@elsewhere.test>"), "FS");
        Files.delete(local.get("<sync-3@elsewhere.test>"));
        Files.writeString(inbox.resolve("new").resolve(System.currentTimeMillis() + ".local1.posthorn-test"), """
                From: Local Writer <sync@mbsync.test>
                To: sync@mbsync.test
                Subject: added locally
                Date: Fri, 27 Nov 2026 11:00:00 +0000
                Message-ID: <local-1@mbsync.test>

                written into the Maildir
                """, UTF_8);

        run(mbsync, rc);
        Map<String, Flags> server = serverInbox("sync");
        assertThat(server.keySet()).as("server INBOX after the second sync").containsExactlyInAnyOrder(
                "<sync-1@elsewhere.test>", "<sync-2@elsewhere.test>", "<local-1@mbsync.test>");
        assertThat(server.get("<sync-1@elsewhere.test>").contains(Flags.Flag.SEEN)).isTrue();
        assertThat(server.get("<sync-1@elsewhere.test>").contains(Flags.Flag.FLAGGED)).isFalse();
        assertThat(server.get("<sync-2@elsewhere.test>").contains(Flags.Flag.SEEN)).isTrue();
        assertThat(server.get("<sync-2@elsewhere.test>").contains(Flags.Flag.FLAGGED)).isTrue();
        assertThat(server.get("<local-1@mbsync.test>").contains(Flags.Flag.SEEN)).isFalse();

        // A change on the server side comes down too.
        try (var imap = new ImapClient("sync@" + DOMAIN, AdminApi.passwordOf("sync"))) {
            IMAPFolder folder = imap.open("INBOX", Folder.READ_WRITE);
            for (Message message : folder.getMessages()) {
                if ("<local-1@mbsync.test>".equals(((MimeMessage) message).getMessageID())) {
                    message.setFlag(Flags.Flag.ANSWERED, true);
                }
            }
            folder.close(false);
        }

        run(mbsync, rc);
        Map<String, Path> after = maildir(inbox);
        assertThat(after.keySet()).as("local INBOX after the third sync").containsExactlyInAnyOrder(
                "<sync-1@elsewhere.test>", "<sync-2@elsewhere.test>", "<local-1@mbsync.test>");
        assertThat(info(after.get("<sync-1@elsewhere.test>"))).isEqualTo("S");
        assertThat(info(after.get("<sync-2@elsewhere.test>"))).isEqualTo("FS");
        assertThat(info(after.get("<local-1@mbsync.test>"))).as("\\Answered came down as R").isEqualTo("R");
        assertThat(serverInbox("sync").keySet()).as("server INBOX after the third sync").containsExactlyInAnyOrder(
                "<sync-1@elsewhere.test>", "<sync-2@elsewhere.test>", "<local-1@mbsync.test>");
        for (String folder : List.of("Drafts", "Sent", "Junk", "Trash", "Archive")) {
            assertThat(maildir(work.resolve("mail").resolve(folder))).as(folder).isEmpty();
        }
    }

    @Test
    void createsLocalFoldersOnTheServer(@TempDir Path work) throws Exception {
        String mbsync = mbsync();
        Path rc = config(work, "folders");
        run(mbsync, rc);

        Path notes = work.resolve("mail").resolve("Notes");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(notes.resolve(sub));
        }
        Files.writeString(notes.resolve("new").resolve(System.currentTimeMillis() + ".notes1.posthorn-test"), """
                From: folders@mbsync.test
                Subject: a note
                Message-ID: <note-1@mbsync.test>

                kept in Notes
                """, UTF_8);

        run(mbsync, rc);
        run(mbsync, rc);
        try (var imap = new ImapClient("folders@" + DOMAIN, AdminApi.passwordOf("folders"))) {
            IMAPFolder folder = imap.folder("Notes");
            assertThat(folder.exists()).as("CREATE Notes by mbsync").isTrue();
            folder.open(Folder.READ_ONLY);
            assertThat(folder.getMessageCount()).isEqualTo(1);
            assertThat(((MimeMessage) folder.getMessage(1)).getMessageID()).isEqualTo("<note-1@mbsync.test>");
        }
        assertThat(maildir(notes).keySet()).containsExactly("<note-1@mbsync.test>");
    }

    /** The mbsync on the PATH; fails the test (never skips it) where it is missing. */
    private static String mbsync() throws IOException, InterruptedException {
        Process which = new ProcessBuilder("which", "mbsync").redirectErrorStream(true).start();
        String path = new String(which.getInputStream().readAllBytes(), UTF_8).trim();
        if (!which.waitFor(10, TimeUnit.SECONDS) || which.exitValue() != 0 || path.isEmpty()) {
            throw new AssertionError("mbsync is not installed: install the Debian package isync "
                    + "(apt-get install isync; .ci/run does it)");
        }
        return path;
    }

    private static Path config(Path work, String localPart) throws IOException {
        Path rc = work.resolve("mbsyncrc");
        Files.createDirectories(work.resolve("mail"));
        Files.writeString(rc, """
                IMAPAccount posthorn
                Host 127.0.0.1
                Port %d
                User %s@%s
                Pass %s
                SSLType None

                IMAPStore posthorn-remote
                Account posthorn

                MaildirStore local
                Path %s/
                Inbox %s
                SubFolders Verbatim

                Channel posthorn
                Far :posthorn-remote:
                Near :local:
                Patterns *
                Create Both
                Expunge Both
                SyncState *
                """.formatted(Ports.imap(), localPart, DOMAIN, AdminApi.passwordOf(localPart),
                work.resolve("mail"), work.resolve("inbox")), UTF_8);
        return rc;
    }

    /** Runs {@code mbsync -a -c rc}: it must exit 0 and say nothing that is an error or a warning. */
    private static void run(String mbsync, Path rc) throws IOException, InterruptedException {
        Path output = rc.resolveSibling("mbsync-output.txt");
        Process process = new ProcessBuilder(mbsync, "-a", "-c", rc.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String said = Files.readString(output, UTF_8);
        assertThat(ended).as("mbsync ended within 2 minutes; it said:\n" + said).isTrue();
        assertThat(process.exitValue()).as("mbsync's exit status; it said:\n" + said).isZero();
        List<String> complaints = new ArrayList<>();
        for (String line : said.split("\n")) {
            if (line.matches("(?i).*\\b(error|warning)\\b.*") && !line.strip().equals(CLEARTEXT_WARNING)) {
                complaints.add(line);
            }
        }
        assertThat(complaints).as("errors and warnings from mbsync; it said:\n" + said).isEmpty();
    }

    /** The messages of a Maildir (new and cur) by Message-ID; fails on a duplicate. */
    private static Map<String, Path> maildir(Path maildir) throws IOException {
        Map<String, Path> messages = new HashMap<>();
        for (String sub : List.of("new", "cur")) {
            Path dir = maildir.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    String id = messageId(Files.readString(file, UTF_8));
                    Path earlier = messages.put(id, file);
                    assertThat(earlier).as("duplicate of " + id + " in " + maildir + ": " + file).isNull();
                }
            }
        }
        return messages;
    }

    private static String messageId(String message) {
        for (String line : message.split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                return line.substring(11).strip();
            }
        }
        throw new AssertionError("no Message-ID in\n" + message);
    }

    /** Moves the message to cur/ with exactly these Maildir flags (letters in ASCII order: D F P R S T). */
    private static void setFlags(Path file, String flags) throws IOException {
        String name = file.getFileName().toString();
        int info = name.indexOf(":2,");
        String base = info >= 0 ? name.substring(0, info) : name;
        Path target = file.getParent().resolveSibling("cur").resolve(base + ":2," + flags);
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The flags of a Maildir file name, "" when it has none. */
    private static String info(Path file) {
        String name = file.getFileName().toString();
        int info = name.indexOf(":2,");
        return info >= 0 ? name.substring(info + 3) : "";
    }

    /** The server's INBOX by Message-ID, read with Jakarta Mail; fails on a duplicate. */
    private static Map<String, Flags> serverInbox(String localPart) throws MessagingException {
        try (var imap = new ImapClient(localPart + "@" + DOMAIN, AdminApi.passwordOf(localPart))) {
            IMAPFolder inbox = imap.open("INBOX", Folder.READ_ONLY);
            Map<String, Flags> messages = new HashMap<>();
            for (Message message : inbox.getMessages()) {
                String id = ((MimeMessage) message).getMessageID();
                Flags earlier = messages.put(id, message.getFlags());
                assertThat(earlier).as("duplicate of " + id + " on the server").isNull();
            }
            inbox.close(false);
            return messages;
        }
    }

    private static void deliver(String localPart, int number) throws MessagingException {
        var session = SmtpSender.session(Ports.smtp());
        String to = localPart + "@" + DOMAIN;
        byte[] raw = MailSpineIT.crlf("""
                From: sender@elsewhere.test
                To: %s
                Subject: sync %d
                Message-ID: <sync-%d@elsewhere.test>

                message %d for mbsync
                """.formatted(to, number, number, number));
        SmtpSender.send(session, SmtpSender.fromBytes(session, raw), "sender@elsewhere.test", to);
    }
}
