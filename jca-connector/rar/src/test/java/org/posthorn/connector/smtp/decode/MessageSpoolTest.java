package org.posthorn.connector.smtp.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.posthorn.spi.MessageContent;

class MessageSpoolTest {

    @Test
    void givesBackExactlyWhatWasWrittenAcrossChunksAndCanBeReadTwice() throws IOException {
        byte[] bytes = new byte[200_000];
        new Random(42).nextBytes(bytes);
        MessageSpool spool = new MessageSpool();
        spool.write(bytes, 0, 70_000);
        spool.write(bytes[70_000]);
        spool.write(bytes, 70_001, bytes.length - 70_001);

        MessageContent content = spool.content();

        assertThat(content.size()).isEqualTo(bytes.length);
        assertThat(content.readAllBytes()).isEqualTo(bytes);
        try (InputStream again = content.openStream()) {
            assertThat(again.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void anEmptyMessage() throws IOException {
        MessageContent content = new MessageSpool().content();

        assertThat(content.size()).isZero();
        assertThat(content.readAllBytes()).isEmpty();
    }

    @Test
    void chunksFilledExactly() throws IOException {
        byte[] bytes = new byte[8 * 1024 + 8 * 1024 + 16 * 1024]; // the first three chunks, to the octet
        new Random(7).nextBytes(bytes);
        MessageSpool spool = new MessageSpool();
        spool.write(bytes, 0, bytes.length);

        assertThat(spool.content().readAllBytes()).isEqualTo(bytes);
    }
}
