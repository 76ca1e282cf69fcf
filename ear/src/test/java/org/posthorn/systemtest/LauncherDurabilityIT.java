package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Launcher;
import org.posthorn.systemtest.support.LineClient;
import org.posthorn.systemtest.support.Pop3Mailbox;

/**
 * The README's launcher, used as an operator would: start in the background on its own ports and data
 * directory, receive a message, SIGKILL the JVM right after the 250, start again, and find the message.
 */
class LauncherDurabilityIT {

    private static final Launcher POSTHORN = new Launcher(8000, Path.of("target", "launcher-data"),
            Path.of("target", "launcher-it.log"), "launcher-admin-secret", "-Dposthorn.hostname=launcher.posthorn.test");

    @BeforeAll
    static void freshDataDirectory() throws Exception {
        POSTHORN.deleteData();
    }

    @AfterAll
    static void stopServer() throws Exception {
        POSTHORN.run("stop");
    }

    @Test
    void acknowledgedMessageSurvivesSigkillAndRestart() throws Exception {
        assertThat(POSTHORN.run("start")).as("posthorn start, see " + POSTHORN.log()).isZero();
        assertThat(POSTHORN.run("status")).isZero();
        POSTHORN.adminApi().createDomainWithAccounts("durable.test", "ivy");

        String marker = "durable-" + System.nanoTime();
        try (var smtp = new LineClient(POSTHORN.port(2525))) {
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

        assertThat(POSTHORN.run("start")).as("second start after SIGKILL, see " + POSTHORN.log()).isZero();
        try (var pop = new Pop3Mailbox(POSTHORN.port(2110), "ivy@durable.test", AdminApi.passwordOf("ivy"))) {
            assertThat(pop.count()).isEqualTo(1);
            assertThat(new String(pop.retrieve(1), US_ASCII)).contains("Subject: " + marker);
            pop.quit();
        }

        assertThat(POSTHORN.run("stop")).isZero();
        assertThat(POSTHORN.run("status")).as("status of a stopped server").isEqualTo(3);
    }

    private static void killServerHard() throws Exception {
        long pid = POSTHORN.serverPid();
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        // On Unix destroyForcibly is SIGKILL: the JVM gets no chance to flush or shut down.
        assertThat(server.destroyForcibly()).as("SIGKILL sent to " + pid).isTrue();
        server.onExit().get(30, TimeUnit.SECONDS);
    }
}
