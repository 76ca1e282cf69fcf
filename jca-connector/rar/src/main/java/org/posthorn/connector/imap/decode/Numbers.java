package org.posthorn.connector.imap.decode;

/**
 * The numbers of RFC 3501 §9 ({@code number}, {@code nz-number}, {@code sequence-set}) and RFC 7162 §7
 * ({@code mod-sequence-value}, {@code mod-sequence-valzer}), read from an {@link ImapReader} with their
 * ranges checked digit by digit, so no value overflows on the way.
 */
final class Numbers {

    private Numbers() {
    }

    /** {@code number}: an unsigned 32-bit integer (RFC 3501 §9). */
    static long number(ImapReader in) {
        return digits(in, 10, SequenceSet.MAX_NUMBER, true);
    }

    /** {@code nz-number}: 1 to 4,294,967,295, no leading zero. */
    static long nzNumber(ImapReader in) {
        return digits(in, 10, SequenceSet.MAX_NUMBER, false);
    }

    /** {@code mod-sequence-value} (RFC 7162 §7): 1 to 2^63-1. */
    static long modSequence(ImapReader in) {
        return digits(in, 19, Long.MAX_VALUE, false);
    }

    /** {@code mod-sequence-valzer} (RFC 7162 §7): 0 or a {@code mod-sequence-value}. */
    static long modSequenceOrZero(ImapReader in) {
        return in.peek() == '0' ? digits(in, 1, 0, true) : modSequence(in);
    }

    private static long digits(ImapReader in, int maxDigits, long max, boolean zero) {
        String digits = in.run(Chars::isDigit);
        if (digits.isEmpty()) {
            throw SyntaxError.syntax("Expected a number");
        }
        if (!zero && digits.charAt(0) == '0') {
            throw SyntaxError.syntax("Expected a number greater than zero");
        }
        if (digits.length() > maxDigits) {
            throw SyntaxError.syntax("Number out of range");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (value > (max - digit) / 10) {
                throw SyntaxError.syntax("Number out of range");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** {@code sequence-set} (RFC 3501 §9), or {@code $} (RFC 5182). */
    static SequenceSet sequenceSet(ImapReader in) {
        return SequenceSet.parse(in.run(Chars::isSequenceChar))
                .orElseThrow(() -> SyntaxError.syntax("Bad sequence set"));
    }
}
