package org.posthorn.connector.pop3.decode;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The argument parsers of the POP3 commands. RFC 1939 §3: arguments are separated by a single
 * space and each is at most 40 characters; numbers are decimal ({@code msg} is a positive message
 * number; the {@code n} of {@code TOP} is non-negative).
 */
public final class Arguments {

    /** RFC 1939 §3. */
    public static final int MAX_ARGUMENT_LENGTH = 40;
    /** Beyond this many digits a message number is no number we could have handed out. */
    private static final int MAX_DIGITS = 10;

    private Arguments() {
    }

    /** A command without arguments. */
    public static <C> ArgumentParser<C> none(Supplier<C> command) {
        return arguments -> arguments.isEmpty() ? Parsed.of(command.get()) : Parsed.malformed("No arguments expected");
    }

    /** {@code msg}: one message number. */
    public static <C> ArgumentParser<C> message(LongFunction<C> command) {
        return arguments -> {
            OptionalLong number = number(arguments);
            return number.isPresent() ? Parsed.of(command.apply(number.getAsLong())) : Parsed.malformed("Message number expected");
        };
    }

    /** {@code [msg]}: an optional message number. */
    public static <C> ArgumentParser<C> optionalMessage(Function<OptionalLong, C> command) {
        return arguments -> {
            if (arguments.isEmpty()) {
                return Parsed.of(command.apply(OptionalLong.empty()));
            }
            OptionalLong number = number(arguments);
            return number.isPresent() ? Parsed.of(command.apply(number)) : Parsed.malformed("Message number expected");
        };
    }

    /** {@code TOP msg n}. */
    public static ArgumentParser<Pop3Command.Top> top() {
        return arguments -> {
            String[] parts = arguments.split(" ", -1);
            if (parts.length != 2) {
                return Parsed.malformed("TOP needs a message number and a line count");
            }
            OptionalLong message = number(parts[0]);
            OptionalLong lines = number(parts[1]);
            if (message.isEmpty() || lines.isEmpty()) {
                return Parsed.malformed("TOP needs a message number and a line count");
            }
            return Parsed.of(new Pop3Command.Top(message.getAsLong(), lines.getAsLong()));
        };
    }

    /** {@code USER name}: the rest of the line, not empty, at most 255 characters (an address). */
    public static ArgumentParser<Pop3Command.User> user() {
        return arguments -> {
            if (arguments.isEmpty() || arguments.length() > 255) {
                return Parsed.malformed("USER needs a name");
            }
            return Parsed.of(new Pop3Command.User(arguments));
        };
    }

    /**
     * {@code PASS string}: the rest of the line, spaces included (RFC 1939 §7 lets the server treat
     * spaces as part of the password). May be empty; the password store decides.
     */
    public static ArgumentParser<Pop3Command.Pass> pass() {
        return arguments -> Parsed.of(new Pop3Command.Pass(arguments));
    }

    /** {@code AUTH [mechanism [initial-response]]} (RFC 5034 §4). */
    public static ArgumentParser<Pop3Command.Auth> auth() {
        return arguments -> {
            if (arguments.isEmpty()) {
                return Parsed.of(new Pop3Command.Auth(Optional.empty(), Optional.empty()));
            }
            String[] parts = arguments.split(" ", -1);
            if (parts.length > 2 || parts[0].isEmpty() || parts[0].length() > MAX_ARGUMENT_LENGTH) {
                return Parsed.malformed("AUTH needs a mechanism and at most an initial response");
            }
            Optional<String> initial = parts.length == 2 ? Optional.of(parts[1]) : Optional.empty();
            return Parsed.of(new Pop3Command.Auth(Optional.of(parts[0]), initial));
        };
    }

    /** A decimal number without sign, as RFC 1939 writes them; empty if {@code text} is none. */
    static OptionalLong number(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(text));
    }
}
