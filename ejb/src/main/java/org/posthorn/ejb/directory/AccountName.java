package org.posthorn.ejb.directory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.posthorn.spi.MailAddress;

/**
 * The canonical names of accounts: {@code local@domain} with the local part in lower case and the
 * domain as {@link DomainName} normalises it, or the special login {@value #ADMIN}. Local parts are
 * compared case-insensitively, which RFC 5321 §2.4 allows the receiving host to decide.
 *
 * <p>New addresses must have a local part in the RFC 5322 §3.2.3 {@code dot-atom-text} form (no
 * quoted strings) of at most 64 octets (RFC 5321 §4.5.3.1.1).
 */
public final class AccountName {

    /** The login of the built-in administrator; it belongs to no domain. */
    public static final String ADMIN = "admin";
    public static final int MAX_LOCAL_PART_LENGTH = MailAddress.MAX_LOCAL_PART_LENGTH;
    public static final int MAX_LENGTH = MAX_LOCAL_PART_LENGTH + 1 + DomainName.MAX_LENGTH;
    public static final int MAX_DISPLAY_NAME_LENGTH = 200;

    /** RFC 5322 §3.2.3 {@code atext} besides letters and digits. */
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private AccountName() {
    }

    /**
     * The canonical form of an account name typed by an administrator: an address or {@code admin}.
     *
     * @throws InvalidInputException saying what is wrong with it
     */
    public static String parse(String input) {
        if (input != null && input.equalsIgnoreCase(ADMIN)) {
            return ADMIN;
        }
        return parseAddress(input);
    }

    /**
     * The canonical form of a mail address typed by an administrator ({@code admin} is not one).
     *
     * @throws InvalidInputException saying what is wrong with it
     */
    public static String parseAddress(String input) {
        if (input == null || input.isEmpty()) {
            throw new InvalidInputException("address is empty");
        }
        int at = input.lastIndexOf('@');
        if (at < 0) {
            throw new InvalidInputException("address needs the form local-part@domain");
        }
        String localPart = input.substring(0, at).toLowerCase(Locale.ROOT);
        String problem = problemWithLocalPart(localPart);
        if (problem != null) {
            throw new InvalidInputException("invalid local part: " + problem);
        }
        return localPart + "@" + DomainName.parse(input.substring(at + 1));
    }

    /** The domain part of a canonical address; empty for {@code admin}. */
    public static Optional<String> domainOf(String canonicalName) {
        int at = canonicalName.lastIndexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(canonicalName.substring(at + 1));
    }

    /**
     * The canonical name a login would have, for looking it up; empty when it cannot name an account.
     * Lenient like {@link DomainName#normalize}: a login is a claim to check, not an address to create.
     */
    public static Optional<String> ofLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        if (login.equalsIgnoreCase(ADMIN)) {
            return Optional.of(ADMIN);
        }
        int at = login.lastIndexOf('@');
        if (at <= 0 || at == login.length() - 1) {
            return Optional.empty();
        }
        return lookupKey(login.substring(0, at), login.substring(at + 1));
    }

    /** The canonical name under which an envelope recipient would be found. */
    public static Optional<String> ofRecipient(MailAddress recipient) {
        return lookupKey(recipient.localPart(), recipient.domain());
    }

    private static Optional<String> lookupKey(String localPart, String domain) {
        String local = localPart.toLowerCase(Locale.ROOT);
        return DomainName.normalize(domain).map(d -> local + "@" + d);
    }

    /** Null when the (lower-cased) local part is an acceptable dot-atom, else what is wrong. */
    static String problemWithLocalPart(String localPart) {
        if (localPart.isEmpty()) {
            return "empty";
        }
        if (localPart.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_PART_LENGTH) {
            return "longer than " + MAX_LOCAL_PART_LENGTH + " octets";
        }
        if (localPart.startsWith(".") || localPart.endsWith(".") || localPart.contains("..")) {
            return "dots may not lead, trail or follow each other";
        }
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            boolean atext = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ATEXT_SPECIALS.indexOf(c) >= 0;
            if (!atext && c != '.') {
                return "character '" + (c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : String.valueOf(c))
                        + "' is not allowed";
            }
        }
        return null;
    }
}
