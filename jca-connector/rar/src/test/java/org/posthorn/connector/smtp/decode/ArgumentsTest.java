package org.posthorn.connector.smtp.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.posthorn.spi.MailAddress;

class ArgumentsTest {

    @Test
    void mailFromWithEveryKnownParameter() {
        Parsed<SmtpCommand.MailFrom> parsed = Arguments.mailFrom("FROM:<a@b.example> size=100 Body=8BITMIME SMTPUTF8");

        assertThat(value(parsed)).isEqualTo(new SmtpCommand.MailFrom(
                new Path.Mailbox(new MailAddress("a", "b.example"), false),
                new MailParameters(OptionalLong.of(100), MailParameters.Body.EIGHT_BIT_MIME, true)));
    }

    @Test
    void mailFromToleratesASpaceAfterTheColonAndTrailingSpaces() {
        assertThat(value(Arguments.mailFrom("from: <> ")))
                .isEqualTo(new SmtpCommand.MailFrom(new Path.NullPath(), MailParameters.NONE));
    }

    @Test
    void aHugeSizeIsHugeNotAnError() {
        assertThat(value(Arguments.mailFrom("FROM:<a@b> SIZE=99999999999999999999")).parameters().size())
                .hasValue(Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "FROM:<a@b> SIZE=-1              | 501 5.5.4 Syntax: SIZE=octets",
        "FROM:<a@b> SIZE                 | 501 5.5.4 Syntax: SIZE=octets",
        "FROM:<a@b> SIZE=1 SIZE=2        | 501 5.5.4 Duplicate parameter SIZE",
        "FROM:<a@b> BODY=BINARYMIME      | 555 5.5.4 Unsupported parameter BODY=BINARYMIME",
        "FROM:<a@b> BODY                 | 555 5.5.4 Unsupported parameter BODY=",
        "FROM:<a@b> SMTPUTF8=yes         | 501 5.5.4 Syntax: SMTPUTF8 takes no value",
        "FROM:<a@b> RET=HDRS             | 555 5.5.4 Unsupported parameter RET",
        "FROM:<a@b> -X=1                 | 501 5.5.4 Syntax error in parameters",
        "FROM:<a@b> X==1                 | 501 5.5.4 Syntax error in parameters",
        "FROM:<a@b>SIZE=1                | 501 5.5.4 Syntax error in address: text after '>'",
        "FROM <a@b>                      | 501 5.5.4 Syntax: MAIL FROM:<address>",
        "TO:<a@b>                        | 501 5.5.4 Syntax: MAIL FROM:<address>",
    })
    void mailFromRefusals(String argument, String reply) {
        assertThat(refusal(Arguments.mailFrom(argument))).isEqualTo(reply);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "TO:<a@b> NOTIFY=NEVER           | 555 5.5.4 Unsupported parameter NOTIFY",
        "TO:<a@b>x                       | 501 5.5.4 Syntax error in address: text after '>'",
        "TO:<>                           | 501 5.5.4 Syntax error in address: bad local part",
        "FROM:<a@b>                      | 501 5.5.4 Syntax: RCPT TO:<address>",
    })
    void rcptToRefusals(String argument, String reply) {
        assertThat(refusal(Arguments.rcptTo(argument))).isEqualTo(reply);
    }

    @Test
    void rcptToPostmaster() {
        assertThat(value(Arguments.rcptTo("to:<postmaster>")).forwardPath()).isEqualTo(new Path.Postmaster());
    }

    @Test
    void helloKeepsAnyNameButNoControls() {
        assertThat(value(Arguments.hello(" [192.0.2.1] ")).name()).isEqualTo("[192.0.2.1]");
        assertThat(value(Arguments.hello("evil\u001b[2Jname\u0000\u0085")).name()).isEqualTo("evil[2Jname");
        assertThat(refusal(Arguments.hello("  "))).isEqualTo("501 5.5.4 Syntax: EHLO hostname");
        assertThat(refusal(Arguments.hello("\u0000"))).isEqualTo("501 5.5.4 Syntax: EHLO hostname");
    }

    @Test
    void plainArguments() {
        assertThat(value(Arguments.none("  ")).argument()).isEmpty();
        assertThat(refusal(Arguments.none("x"))).startsWith("501 5.5.4");
        assertThat(value(Arguments.optionalText("")).argument()).isEmpty();
        assertThat(value(Arguments.requiredText(" alice ")).argument()).isEqualTo("alice");
        assertThat(refusal(Arguments.requiredText(""))).isEqualTo("501 5.5.4 Syntax: VRFY address");
    }

    private static <T> T value(Parsed<T> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok<T>) parsed).value();
    }

    private static String refusal(Parsed<?> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        var reply = ((Parsed.Invalid<?>) parsed).reply();
        return reply.code() + " " + reply.status() + " " + reply.lines().get(0);
    }
}
