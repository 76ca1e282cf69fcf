package org.posthorn.ejb.dns;

/**
 * One MX record as found in DNS.
 *
 * @param preference lower is tried first (RFC 5321 §5.1)
 * @param host       the mail server's name, absolute, as the answer gave it
 */
public record MxTarget(int preference, String host) {

    @Override
    public String toString() {
        return preference + " " + host;
    }
}
