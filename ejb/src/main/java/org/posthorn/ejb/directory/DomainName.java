package org.posthorn.ejb.directory;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks and normalises the name of a mail domain: a host name in the "preferred name syntax" of
 * RFC 1035 §2.3.1 as relaxed by RFC 1123 §2.1 (letters, digits and hyphens; labels of 1 to 63
 * characters that neither start nor end with a hyphen; at most 253 characters), with at least two
 * labels and a top-level label that is not all digits (RFC 3696 §2, so that no IP address passes).
 * Internationalised names are converted to their ASCII form (RFC 5891 A-labels) with
 * {@link IDN#toASCII}; the result is lower case, so equal domains have equal strings.
 */
public final class DomainName {

    /** The longest name in text form: 255 octets on the wire less the length octets (RFC 1035 §2.3.4). */
    public static final int MAX_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;

    private DomainName() {
    }

    /**
     * The normalised form of a domain name typed by an administrator.
     *
     * @throws InvalidInputException saying what is wrong with it
     */
    public static String parse(String input) {
        if (input == null || input.isEmpty()) {
            throw new InvalidInputException("domain name is empty");
        }
        String ascii = toAscii(input).orElseThrow(
                () -> new InvalidInputException("domain name is not a valid internationalised name"));
        String problem = problemWith(ascii);
        if (problem != null) {
            throw new InvalidInputException("invalid domain name: " + problem);
        }
        return ascii;
    }

    /** Like {@link #parse}, for lookups of names that come off the wire: empty instead of an exception. */
    public static Optional<String> normalize(String input) {
        if (input == null || input.isEmpty()) {
            return Optional.empty();
        }
        return toAscii(input).filter(ascii -> problemWith(ascii) == null);
    }

    private static Optional<String> toAscii(String input) {
        String ascii = input;
        if (!input.chars().allMatch(c -> c < 0x80)) {
            try {
                ascii = IDN.toASCII(input);
            } catch (IllegalArgumentException notAnIdn) {
                // IDN's only way to say "not a valid internationalised name"
                return Optional.empty();
            }
        }
        return Optional.of(ascii.toLowerCase(Locale.ROOT));
    }

    /** Null when {@code name} (ASCII, lower case) is a valid domain name, else what is wrong. */
    private static String problemWith(String name) {
        if (name.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return "needs at least two labels, like example.org";
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return "empty label";
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                return "label longer than " + MAX_LABEL_LENGTH + " characters";
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return "label starts or ends with a hyphen";
            }
            if (!label.chars().allMatch(DomainName::isLetterDigitHyphen)) {
                return "only letters, digits, hyphens and dots are allowed";
            }
        }
        if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "top-level label is all digits";
        }
        return null;
    }

    private static boolean isLetterDigitHyphen(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }
}
