package org.posthorn.connector.imap.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.posthorn.connector.imap.encode.ImapResponse;

/**
 * What processing a command comes to, as a value: the connection handler carries it out on the
 * connection's event loop, so commands never see a thread or a socket. A command ends with one
 * {@link Done}; before it, it may {@link Send} responses (a FETCH of many messages goes out in batches),
 * wait for a post-office call ({@link Await}) or for a delay ({@link Delay}).
 */
public sealed interface Outcome {

    /** What the connection does once the command's last response is written. */
    enum After {
        /** Read the next command. */
        CONTINUE,
        /** Read the next command, but count this one against the bad-command limit. */
        BAD_COMMAND,
        /** Close the connection. */
        CLOSE,
        /** Start TLS (RFC 3501 §6.2.1): discard what the client sent behind STARTTLS and start over. */
        START_TLS,
        /** Read the next line as the answer to an AUTHENTICATE challenge (RFC 3501 §6.2.2). */
        SASL_RESPONSE,
        /** Read the next line as IDLE's DONE, and push mailbox changes meanwhile (RFC 2177). */
        IDLE,
        /** The client logged in: from now on the configured (larger) limits apply. */
        AUTHENTICATED
    }

    /** Send the responses, then do {@code after}: the command is over. */
    record Done(List<ImapResponse> responses, After after) implements Outcome {
        public Done {
            responses = List.copyOf(responses);
            Objects.requireNonNull(after, "after");
        }

        /** These responses with {@code untagged} inserted before the last (the tagged completion). */
        public Done withUpdates(List<ImapResponse> untagged) {
            if (untagged.isEmpty() || responses.isEmpty()) {
                return this;
            }
            List<ImapResponse> all = new ArrayList<>(responses.size() + untagged.size());
            all.addAll(responses.subList(0, responses.size() - 1));
            all.addAll(untagged);
            all.add(responses.get(responses.size() - 1));
            return new Done(all, after);
        }
    }

    /** Send the responses, wait until they are written (back-pressure), then go on with {@code then}. */
    record Send(List<ImapResponse> responses, Outcome then) implements Outcome {
        public Send {
            responses = List.copyOf(responses);
            Objects.requireNonNull(then, "then");
        }
    }

    /**
     * Wait for a post-office call, then continue with {@code then} applied to its result, back on the
     * connection's event loop. If the call fails the failure is logged and {@code onFailure} is used instead.
     */
    record Await<R>(CompletionStage<R> call, Function<R, Outcome> then, Supplier<Outcome> onFailure) implements Outcome {
        public Await {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(onFailure, "onFailure");
        }
    }

    /** Carry out {@code then} after {@code delay}, without holding a thread. */
    record Delay(Duration delay, Outcome then) implements Outcome {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(then, "then");
        }
    }

    static Done done(List<ImapResponse> responses) {
        return new Done(responses, After.CONTINUE);
    }

    static Done done(ImapResponse response) {
        return new Done(List.of(response), After.CONTINUE);
    }

    /**
     * This outcome with {@code last} applied to the {@link Done} it ends with, however many calls and
     * batches come before: how the dispatcher adds untagged updates to every command in one place.
     */
    static Outcome mapDone(Outcome outcome, Function<Done, Outcome> last) {
        if (outcome instanceof Done done) {
            return last.apply(done);
        }
        if (outcome instanceof Send send) {
            return new Send(send.responses(), mapDone(send.then(), last));
        }
        if (outcome instanceof Delay delay) {
            return new Delay(delay.delay(), mapDone(delay.then(), last));
        }
        Await<?> await = (Await<?>) outcome;
        return mapAwait(await, last);
    }

    private static <R> Outcome mapAwait(Await<R> await, Function<Done, Outcome> last) {
        return new Await<R>(await.call(), result -> mapDone(await.then().apply(result), last),
                () -> mapDone(await.onFailure().get(), last));
    }
}
