package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.LineClient;
import org.posthorn.systemtest.support.Pop3Mailbox;

/**
 * The README's launcher, used as an operator would: start in the background on its own ports and data
 * directory, receive a message, SIGKILL the JVM right after the 250, start again, and find the message.
 */
class LauncherDurabilityIT {

    private static final int OFFSET = 8000;
    private static final String ADMIN_PASSWORD = "launcher-admin-secret";
    private static final Path DATA = Path.of("target", "launcher-data").toAbsolutePath();
    private static final Path LOG = Path.of("target", "launcher-it.log").toAbsolutePath();

    @BeforeAll
    static void freshDataDirectory() throws IOException {
        if (Files.exists(DATA)) {
            try (var paths = Files.walk(DATA)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        launcher("stop");
    }

    @Test
    void acknowledgedMessageSurvivesSigkillAndRestart() throws Exception {
        assertThat(launcher("start")).as("posthorn start, see " + LOG).isZero();
        assertThat(launcher("status")).isZero();

        var api = new AdminApi(8080 + OFFSET, "admin", ADMIN_PASSWORD);
        api.createDomainWithAccounts("durable.test", "ivy");

        String marker = "durable-" + System.nanoTime();
        try (var smtp = new LineClient(2525 + OFFSET)) {
            assertThat(smtp.readSmtpReply()).startsWith("220");
            smtp.sendRaw(("EHLO client.posthorn.test\r\nMAIL FROM:<sender@elsewhere.test>\r\n"
                    + "RCPT TO:<ivy@durable.test>\r\nDATA\r\n").getBytes(US_ASCII));
            smtp.readSmtpReply();
            smtp.readSmtpReply();
            assertThat(smtp.readSmtpReply()).startsWith("250");
            assertThat(smtp.readSmtpReply()).startsWith("354");
            smtp.sendRaw(("Subject: " + marker + "\r\n\r\nmust survive\r\n.\r\n").getBytes(US_ASCII));
            assertThat(smtp.readSmtpReply()).startsWith("250");
            killServerHard();
        }

        assertThat(launcher("start")).as("second start after SIGKILL, see " + LOG).isZero();
        try (var pop = new Pop3Mailbox(2110 + OFFSET, "ivy@durable.test", AdminApi.passwordOf("ivy"))) {
            assertThat(pop.count()).isEqualTo(1);
            assertThat(new String(pop.retrieve(1), US_ASCII)).contains("Subject: " + marker);
            pop.quit();
        }

        assertThat(launcher("stop")).isZero();
        assertThat(launcher("status")).as("status of a stopped server").isEqualTo(3);
    }

    private static void killServerHard() throws Exception {
        long pid = Long.parseLong(Files.readString(DATA.resolve("posthorn.pid")).trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor()).isZero();
        server.onExit().get(30, TimeUnit.SECONDS);
    }

    private static int launcher(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(System.getProperty("posthorn.launcher"), command,
                "-Djboss.socket.binding.port-offset=" + OFFSET, "-Dposthorn.data.dir=" + DATA,
                "-Dposthorn.hostname=launcher.posthorn.test"));
        var builder = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
        builder.environment().put("POSTHORN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("launcher " + command + " did not finish");
        }
        return process.exitValue();
    }
}
