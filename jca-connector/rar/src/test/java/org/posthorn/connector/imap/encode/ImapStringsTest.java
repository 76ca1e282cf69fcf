package org.posthorn.connector.imap.encode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImapStringsTest {

    @Test
    void sevenBitTextIsQuotedWithQuotesAndBackslashesEscaped() {
        assertThat(ImapStrings.string("")).isEqualTo("\"\"");
        assertThat(ImapStrings.string("INBOX")).isEqualTo("\"INBOX\"");
        assertThat(ImapStrings.string("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(ImapStrings.string("C:\\dir\\")).isEqualTo("\"C:\\\\dir\\\\\"");
        assertThat(ImapStrings.string("tab\there")).isEqualTo("\"tab\there\"");
    }

    @Test
    void eightBitTextIsALiteralCountedInUtf8Octets() {
        assertThat(ImapStrings.string("Grüße")).isEqualTo("{7}\r\nGrüße");
        assertThat(ImapStrings.string("日本")).isEqualTo("{6}\r\n日本");
        assertThat(ImapStrings.string("😀")).isEqualTo("{4}\r\n😀");
    }

    @Test
    void lineBreaksMakeALiteralAndNulIsDropped() {
        assertThat(ImapStrings.string("a\r\nb")).isEqualTo("{4}\r\na\r\nb");
        assertThat(ImapStrings.string("a\nb")).isEqualTo("{3}\r\na\nb");
        assertThat(ImapStrings.string("a\0b")).isEqualTo("{2}\r\nab");
    }

    @Test
    void nstringIsNilOnlyForNull() {
        assertThat(ImapStrings.nstring(null)).isEqualTo("NIL");
        assertThat(ImapStrings.nstring("NIL")).isEqualTo("\"NIL\"");
        assertThat(ImapStrings.nstring("")).isEqualTo("\"\"");
    }

    @Test
    void astringIsAnAtomWhenItCanBe() {
        assertThat(ImapStrings.astring("INBOX")).isEqualTo("INBOX");
        assertThat(ImapStrings.astring("Archive/2026]")).isEqualTo("Archive/2026]");
        assertThat(ImapStrings.astring("&AOQ-nderungen")).isEqualTo("&AOQ-nderungen");
    }

    @Test
    void astringQuotesWhatNoAtomMayHoldAndNil() {
        assertThat(ImapStrings.astring("")).isEqualTo("\"\"");
        assertThat(ImapStrings.astring("NIL")).isEqualTo("\"NIL\"");
        assertThat(ImapStrings.astring("nil")).isEqualTo("\"nil\"");
        assertThat(ImapStrings.astring("two words")).isEqualTo("\"two words\"");
        assertThat(ImapStrings.astring("a%b")).isEqualTo("\"a%b\"");
        assertThat(ImapStrings.astring("a*")).isEqualTo("\"a*\"");
        assertThat(ImapStrings.astring("(x)")).isEqualTo("\"(x)\"");
        assertThat(ImapStrings.astring("{3}")).isEqualTo("\"{3}\"");
        assertThat(ImapStrings.astring("q\"")).isEqualTo("\"q\\\"\"");
        assertThat(ImapStrings.astring("Entwürfe")).isEqualTo("{9}\r\nEntwürfe");
    }

    @Test
    void responseTextLosesLineBreaksAndNul() {
        assertThat(ImapStrings.text("ok\r\n* 1 EXISTS")).isEqualTo("ok* 1 EXISTS");
        assertThat(ImapStrings.text("a\rb\nc\0d")).isEqualTo("abcd");
        assertThat(ImapStrings.text("plain text")).isEqualTo("plain text");
    }
}
