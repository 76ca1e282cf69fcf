package org.posthorn.connector.pop3.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static Parsed<CommandLine> parse(String line) {
        return CommandLine.parse(InputLine.Text.of(line));
    }

    @Test
    void splitsTheKeywordCaseInsensitivelyFromTheRest() {
        assertThat(parse("retr 1")).isEqualTo(Parsed.of(new CommandLine("RETR", "1")));
        assertThat(parse("PASS  two  spaces ")).isEqualTo(Parsed.of(new CommandLine("PASS", " two  spaces ")));
        assertThat(parse("Stat")).isEqualTo(Parsed.of(new CommandLine("STAT", "")));
    }

    @Test
    void rejectsEmptyLinesControlsAndOverlongLines() {
        assertThat(parse("")).isEqualTo(Parsed.malformed("Empty command"));
        assertThat(parse(" NOOP")).isEqualTo(Parsed.malformed("Empty command"));
        assertThat(parse("NOOP\r+OK")).isEqualTo(Parsed.malformed("Control character in command"));
        assertThat(parse("USER a\u0000b")).isEqualTo(Parsed.malformed("Control character in command"));
        assertThat(parse("USER " + "x".repeat(CommandLine.MAX_OCTETS - 5))).isInstanceOf(Parsed.Command.class);
        assertThat(parse("USER " + "x".repeat(CommandLine.MAX_OCTETS - 4))).isEqualTo(Parsed.malformed("Line too long"));
    }

    @Test
    void countsOctetsNotCharacters() {
        String umlauts = "PASS " + "ü".repeat(CommandLine.MAX_OCTETS / 2);
        assertThat(umlauts.length()).isLessThan(CommandLine.MAX_OCTETS);
        assertThat(parse(umlauts)).isEqualTo(Parsed.malformed("Line too long"));
    }
}
