package org.posthorn.ejb.dns;

/** No usable answer from DNS: a timeout, SERVFAIL, REFUSED. The message is fit to show an administrator. */
public class DnsLookupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DnsLookupException(String message, Throwable cause) {
        super(message, cause);
    }

    public DnsLookupException(String message) {
        super(message);
    }
}
