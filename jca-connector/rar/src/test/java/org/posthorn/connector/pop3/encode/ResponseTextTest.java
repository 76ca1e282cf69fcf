package org.posthorn.connector.pop3.encode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseTextTest {

    @Test
    void dropsLineBreaksAndControls() {
        assertThat(ResponseText.sanitize("a\r\n+OK forged\u0000\t\u001b[31m\u007f\u0085z")).isEqualTo("a+OK forged[31mz");
    }

    @Test
    void replacesNonAsciiWithOneQuestionMarkPerCharacter() {
        assertThat(ResponseText.sanitize("Grüße 📬")).isEqualTo("Gr??e ?");
    }

    @Test
    void boundsTheLength() {
        assertThat(ResponseText.sanitize("x".repeat(10_000))).hasSize(ResponseText.MAX_LENGTH);
        assertThat(ResponseText.echo("ABCDEFGHIJ", 4)).isEqualTo("ABCD...");
        assertThat(ResponseText.echo("ABC\r\n", 4)).isEqualTo("ABC");
    }
}
