package org.posthorn.connector.pop3.command;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.posthorn.connector.pop3.encode.Pop3Response;

/**
 * What processing a command comes to, as a value: a reply now, or a call into the post office whose
 * result is processed later, or a reply held back for a while. The connection handler carries it
 * out on the connection's event loop; commands never see a thread or a socket.
 */
public sealed interface Outcome {

    /** What the connection does after a reply. */
    enum After {
        /** Read the next command. */
        CONTINUE,
        /** Read the next command, but count this one against the bad-command limit. */
        BAD_COMMAND,
        /** Close the connection once the reply is written. */
        CLOSE,
        /**
         * Start TLS once the reply is written in clear text (STLS, RFC 2595 §4): discard what the client
         * sent behind the command, and start over with a fresh AUTHORIZATION session on the secure connection.
         */
        START_TLS
    }

    /** Send {@code response}, then do {@code after}. */
    record Reply(Pop3Response response, After after) implements Outcome {
        public Reply {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * Wait for a post-office call, then continue with {@code then} applied to its result, back on the
     * connection's event loop; commands queued meanwhile wait (RFC 2449 §6.6: replies stay in order).
     * If the call fails the failure is logged and {@code onFailure} says what to do instead.
     */
    record Await<R>(CompletionStage<R> call, Function<R, Outcome> then, Supplier<Outcome> onFailure) implements Outcome {
        public Await {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(onFailure, "onFailure");
        }
    }

    /** Carry out {@code then} after {@code delay}, without holding a thread; later commands wait. */
    record Delay(Duration delay, Outcome then) implements Outcome {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(then, "then");
        }
    }

    static Reply reply(Pop3Response response) {
        return new Reply(response, After.CONTINUE);
    }

    static Reply ok(String text) {
        return reply(new Pop3Response.Ok(text));
    }

    /** A {@code -ERR} for a command that should not have been sent (RFC 1939 §3 does not count; we do). */
    static Reply badCommand(String text) {
        return new Reply(new Pop3Response.Err(text), After.BAD_COMMAND);
    }

    static Reply close(Pop3Response response) {
        return new Reply(response, After.CLOSE);
    }

    /** Awaits a call whose failure means "try again later" and leaves the session as it is. */
    static <R> Await<R> await(CompletionStage<R> call, Function<R, Outcome> then) {
        return new Await<>(call, then, () -> reply(Replies.TEMPORARY_FAILURE));
    }
}
