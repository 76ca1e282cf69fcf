package org.posthorn.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * A mailbox address {@code local-part@domain} as it travels in an SMTP envelope (RFC 5321 §4.1.2
 * {@code Mailbox}). The local part keeps its case (RFC 5321 §2.4 lets the receiving host decide);
 * the domain is stored in lower case. Parsing the wire syntax (paths, quoting) is the wire's job;
 * this value only checks what every address must satisfy.
 *
 * @param localPart the part before the last {@code @}, unquoted, never empty
 * @param domain    the domain, lower case, never empty
 */
public record MailAddress(String localPart, String domain) {

    /** RFC 5321 §4.5.3.1.1 and §4.5.3.1.2. */
    public static final int MAX_LOCAL_PART_LENGTH = 64;
    public static final int MAX_DOMAIN_LENGTH = 255;

    public MailAddress {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        if (localPart.isEmpty() || domain.isEmpty()) {
            throw new IllegalArgumentException("empty local part or domain");
        }
        if (containsControlOrSpace(localPart) || containsControlOrSpace(domain)) {
            throw new IllegalArgumentException("control character or space in address");
        }
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /**
     * Splits {@code local@domain} at the last {@code @}. For addresses already validated by a
     * parser or by the directory; not a parser of RFC 5321 paths.
     *
     * @throws IllegalArgumentException if there is no {@code @} or a side is empty
     */
    public static MailAddress of(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not an address: " + address);
        }
        return new MailAddress(address.substring(0, at), address.substring(at + 1));
    }

    /** The local part in lower case, as the directory compares it. */
    public String normalizedLocalPart() {
        return localPart.toLowerCase(Locale.ROOT);
    }

    /** {@code local@domain} with the local part lower-cased: the key the directory stores. */
    public String normalized() {
        return normalizedLocalPart() + "@" + domain;
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }

    private static boolean containsControlOrSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
