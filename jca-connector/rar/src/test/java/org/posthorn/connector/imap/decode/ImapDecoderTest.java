package org.posthorn.connector.imap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImapDecoderTest {

    private final ImapDecoder decoder = new ImapDecoder(DecodeLimits.defaults());

    @Test
    void aSynchronizingLiteralFirstYieldsAContinuationRequestThenTheCommand() {
        ByteBuf in = buffer("a1 LOGIN {5}\r\n");

        assertThat(decoder.next(in)).isEqualTo(new ContinuationRequest());
        assertThat(decoder.next(in)).isNull();
        in.writeBytes(ascii("alice {6}\r\n"));
        assertThat(decoder.next(in)).isEqualTo(new ContinuationRequest());
        in.writeBytes(ascii("secret\r\n"));
        assertThat(decoder.next(in)).isEqualTo(new ImapCommand.Login("a1", "alice", "secret"));
    }

    @Test
    void idleIsEndedByDoneInAnyCase() {
        ByteBuf in = buffer("a IDLE\r\ndone\r\nb NOOP\r\n");

        assertThat(decoder.next(in)).isEqualTo(new ImapCommand.Idle("a"));
        decoder.expectIdleDone();
        assertThat(decoder.next(in)).isEqualTo(new IdleDone());
        assertThat(decoder.next(in)).isEqualTo(new ImapCommand.Noop("b"));
    }

    @Test
    void anythingButDoneWhileIdlingIsRefusedWithoutTagAndCommandsFollow() {
        ByteBuf in = buffer("a IDLE\r\nb NOOP\r\nc NOOP\r\n");

        assertThat(decoder.next(in)).isEqualTo(new ImapCommand.Idle("a"));
        decoder.expectIdleDone();
        assertThat(decoder.next(in)).isEqualTo(
                new ParseError(Optional.empty(), ParseError.Problem.SYNTAX, "Expected DONE", false));
        assertThat(decoder.next(in)).isEqualTo(new ImapCommand.Noop("c"));
    }

    @Test
    void anOverLongLineWhileIdlingIsRefusedWithoutTag() {
        ByteBuf in = buffer("a IDLE\r\n" + "b NOOP ".repeat(2000) + "\r\nc NOOP\r\n");

        assertThat(decoder.next(in)).isEqualTo(new ImapCommand.Idle("a"));
        decoder.expectIdleDone();
        assertThat(decoder.next(in)).isEqualTo(
                new ParseError(Optional.empty(), ParseError.Problem.LINE_TOO_LONG, "Line too long", false));
        assertThat(decoder.next(in)).isEqualTo(new ImapCommand.Noop("c"));
    }

    @Test
    void withoutExpectIdleDoneADoneLineIsABadCommand() {
        assertThat(decoder.next(buffer("DONE\r\n"))).isEqualTo(
                new ParseError(Optional.of("DONE"), ParseError.Problem.SYNTAX, "Expected a command", false));
    }

    @Test
    void saslResponsesAreBase64LinesOrACancel() {
        ByteBuf in = buffer("a AUTHENTICATE PLAIN\r\nAGFsaWNlAHNlY3JldA==\r\n\r\n*\r\nnot base64!\r\n");

        assertThat(decoder.next(in)).isEqualTo(new ImapCommand.Authenticate("a", "PLAIN", Optional.empty()));
        decoder.expectSaslResponse();
        assertThat(decoder.next(in)).isEqualTo(new SaslResponse(false, "AGFsaWNlAHNlY3JldA=="));
        decoder.expectSaslResponse();
        assertThat(decoder.next(in)).isEqualTo(new SaslResponse(false, ""));
        decoder.expectSaslResponse();
        assertThat(decoder.next(in)).isEqualTo(new SaslResponse(true, ""));
        decoder.expectSaslResponse();
        assertThat(decoder.next(in)).isInstanceOfSatisfying(ParseError.class,
                e -> assertThat(e.message()).isEqualTo("Bad base64 in SASL response"));
    }

    @Test
    void aSaslResponseWithEightBitOctetsIsRefused() {
        decoder.expectSaslResponse();

        assertThat(decoder.next(Unpooled.wrappedBuffer(new byte[] {'Q', 'U', 'J', (byte) 0xC3, '\r', '\n'})))
                .isInstanceOf(ParseError.class);
    }

    @Test
    void aSaslResponseNeverShowsInToString() {
        assertThat(new SaslResponse(false, "AGFsaWNlAHNlY3JldA==").toString()).doesNotContain("AGFs");
    }

    @Test
    void expectingALineInTheMiddleOfACommandIsAProgrammingError() {
        assertThat(decoder.next(buffer("a LOGIN {5}\r\n"))).isEqualTo(new ContinuationRequest());

        assertThatThrownBy(decoder::expectIdleDone).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void framingRefusalsCarryTheTagAndFixedText() {
        ImapInput input = decoder.next(buffer("t1 LOGIN {70000}\r\n"));

        assertThat(input).isEqualTo(new ParseError(Optional.of("t1"), ParseError.Problem.LITERAL_TOO_LARGE,
                "Literal too large", false));
    }

    @Test
    void aRefusedNonSynchronizingLiteralAsksToCloseAndNothingFollows() {
        ByteBuf in = buffer("t1 LOGIN {70000+}\r\nx\r\nb NOOP\r\n");

        assertThat(decoder.next(in)).isEqualTo(new ParseError(Optional.of("t1"), ParseError.Problem.LITERAL_TOO_LARGE,
                "Literal too large", true));
        assertThat(decoder.next(in)).isNull();
    }

    @Test
    void beforeLoginAnAppendLiteralIsLimitedLikeAnyOtherAndTheLimitsCanBeRaisedAfterwards() {
        ImapDecoder session = new ImapDecoder(DecodeLimits.beforeAuthentication());
        ByteBuf in = buffer("a APPEND INBOX {100000}\r\nb LOGIN alice secret\r\nc APPEND INBOX {100000}\r\n");

        assertThat(session.next(in)).isInstanceOfSatisfying(ParseError.class,
                e -> assertThat(e.problem()).isEqualTo(ParseError.Problem.LITERAL_TOO_LARGE));
        assertThat(session.next(in)).isEqualTo(new ImapCommand.Login("b", "alice", "secret"));
        session.useLimits(DecodeLimits.defaults());
        assertThat(session.next(in)).isEqualTo(new ContinuationRequest());
        assertThatThrownBy(() -> session.useLimits(DecodeLimits.defaults())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBadCommandDoesNotEndTheSession() {
        List<ImapInput> inputs = Feeder.decode(ascii("a FOO\r\nb NOOP\r\n"));

        assertThat(inputs).containsExactly(
                new ParseError(Optional.of("a"), ParseError.Problem.UNKNOWN_COMMAND, "Unknown command", false),
                new ImapCommand.Noop("b"));
    }

    @Test
    void holdsPartialInputSaysWhetherPlaintextWasPipelinedAfterACommand() {
        ByteBuf in = buffer("a STARTTLS\r\n");
        assertThat(decoder.next(in)).isEqualTo(new ImapCommand.StartTls("a"));
        assertThat(decoder.holdsPartialInput()).isFalse();

        in.writeBytes(ascii("b NO"));
        assertThat(decoder.next(in)).isNull();
        assertThat(decoder.holdsPartialInput()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\n", "a{b NOOP\r\n", "{5} x\r\n", "* OK\r\n", "a\"b\r\n", "a\r\tb\r\n", "ab(c NOOP\n"})
    void refusalsEchoOnlyTagCharacters(String script) {
        List<ParseError> errors = Feeder.decode(ascii(script)).stream()
                .filter(ParseError.class::isInstance).map(ParseError.class::cast).toList();

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).tag().orElse("a")).matches("[^\\x00-\\x20\\x7f(){%*\"\\\\+]+");
        assertThat(errors.get(0).message()).doesNotContain("\r", "\n");
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
