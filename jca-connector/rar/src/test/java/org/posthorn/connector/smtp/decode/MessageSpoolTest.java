package org.posthorn.connector.smtp.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.posthorn.spi.MessageContent;

class MessageSpoolTest {

    private static final long ONE_MEGABYTE = 1024 * 1024;

    @TempDir
    Path spoolDirectory;

    @Test
    void givesBackExactlyWhatWasWrittenAcrossChunksAndCanBeReadTwice() throws IOException {
        byte[] bytes = random(200_000, 42);
        MessageSpool spool = new MessageSpool(ONE_MEGABYTE, spoolDirectory);
        spool.write(bytes, 0, 70_000);
        spool.write(bytes[70_000]);
        spool.write(bytes, 70_001, bytes.length - 70_001);

        MessageContent content = spool.content();

        assertThat(content.size()).isEqualTo(bytes.length);
        assertThat(content.readAllBytes()).isEqualTo(bytes);
        try (InputStream again = content.openStream()) {
            assertThat(again.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(spoolFiles()).as("a small message stays in memory").isZero();
    }

    @Test
    void anEmptyMessage() throws IOException {
        MessageContent content = new MessageSpool(ONE_MEGABYTE, spoolDirectory).content();

        assertThat(content.size()).isZero();
        assertThat(content.readAllBytes()).isEmpty();
    }

    @Test
    void chunksFilledExactly() throws IOException {
        byte[] bytes = random(8 * 1024 + 8 * 1024 + 16 * 1024, 7); // the first three chunks, to the octet
        MessageSpool spool = new MessageSpool(ONE_MEGABYTE, spoolDirectory);
        spool.write(bytes, 0, bytes.length);

        assertThat(spool.content().readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void aMessageAboveTheMemoryLimitMovesToAFileAndDiscardRemovesIt() throws IOException {
        byte[] bytes = random(300_000, 3);
        MessageSpool spool = new MessageSpool(100_000, spoolDirectory);
        for (int offset = 0; offset < bytes.length; offset += 7_000) {
            spool.write(bytes, offset, Math.min(7_000, bytes.length - offset));
        }

        SpooledMessage content = spool.content();

        assertThat(spoolFiles()).isEqualTo(1);
        assertThat(content.size()).isEqualTo(bytes.length);
        assertThat(content.readAllBytes()).isEqualTo(bytes);
        assertThat(content.readAllBytes()).as("read twice").isEqualTo(bytes);
        content.discard();
        content.discard();
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void discardingAnUnfinishedSpoolRemovesItsFile() throws IOException {
        MessageSpool spool = new MessageSpool(1_000, spoolDirectory);
        spool.write(random(5_000, 9), 0, 5_000);
        assertThat(spoolFiles()).isEqualTo(1);

        spool.discard();

        assertThat(spoolFiles()).isZero();
    }

    @Test
    void leftoversOfACrashAreDeletedButOtherFilesAreNot() throws IOException {
        Files.writeString(spoolDirectory.resolve("smtp-123.spool"), "half a message");
        Files.writeString(spoolDirectory.resolve("notes.txt"), "not ours");

        MessageSpool.deleteLeftovers(spoolDirectory);

        assertThat(spoolDirectory.resolve("smtp-123.spool")).doesNotExist();
        assertThat(spoolDirectory.resolve("notes.txt")).exists();
    }

    private long spoolFiles() throws IOException {
        try (var files = Files.list(spoolDirectory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".spool")).count();
        }
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
