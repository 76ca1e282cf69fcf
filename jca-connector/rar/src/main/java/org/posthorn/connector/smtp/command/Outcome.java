package org.posthorn.connector.smtp.command;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.posthorn.connector.smtp.decode.InputMode;
import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * What handling one frame produced: a reply now, or a call into the post office whose result will
 * produce one. Commands never write; the connection handler writes replies in order and runs the
 * continuation of a pending call on the event loop.
 */
public sealed interface Outcome {

    /**
     * The command is answered.
     *
     * @param reply the reply
     * @param next  how the decoder frames the following input, if it paused after this command
     * @param close close the connection once the reply has been sent
     */
    record Done(SmtpReply reply, InputMode next, boolean close) implements Outcome {
    }

    /**
     * The answer waits for a post-office call. Nothing else of the session is processed meanwhile.
     *
     * @param call the call; completes on a worker thread
     * @param then makes the outcome from the call's result or failure (exactly one is non-null);
     *             runs on the connection's event loop and may change the session
     */
    record Pending<T>(CompletionStage<T> call, BiFunction<T, Throwable, Outcome> then) implements Outcome {
    }

    /**
     * {@code STARTTLS} was accepted (RFC 3207 §4): send {@code reply} in clear text, discard whatever
     * the client sent after the command, and start TLS. The session has already been reset.
     *
     * @param reply the {@code 220} go-ahead
     */
    record StartTls(SmtpReply reply) implements Outcome {
    }

    /**
     * The reply waits: a failed login is answered only after the login throttle's delay (RFC 4954 §4
     * leaves the pace to the server). The connection handler holds it on the event loop's timer, never
     * on a thread, and processes nothing else of the session meanwhile.
     *
     * @param delay how long to wait
     * @param then  the outcome once the time is up
     */
    record Delay(Duration delay, Done then) implements Outcome {
    }

    static Done reply(SmtpReply reply) {
        return new Done(reply, InputMode.COMMANDS, false);
    }

    static Done replyAndClose(SmtpReply reply) {
        return new Done(reply, InputMode.COMMANDS, true);
    }

    static Done startData(SmtpReply reply) {
        return new Done(reply, InputMode.DATA, false);
    }

    /** A {@code 334} challenge of a SASL exchange: the next line is the client's answer (RFC 4954 §4). */
    static Done challenge(SmtpReply reply) {
        return new Done(reply, InputMode.AUTH_RESPONSE, false);
    }
}
