package org.posthorn.connector.pop3.encode;

/**
 * The extended response codes Posthorn sends in brackets after {@code -ERR} (RFC 2449 §8), advertised
 * with the {@code RESP-CODES} and {@code AUTH-RESP-CODE} capabilities.
 */
public enum ResponseCode {
    /** RFC 2449 §8.1.2: the maildrop is locked by another session. */
    IN_USE("IN-USE"),
    /** RFC 3206 §5: the failure is due to the credentials. */
    AUTH("AUTH"),
    /** RFC 3206 §4: a temporary problem on the server; try again later. */
    SYS_TEMP("SYS/TEMP"),
    /** RFC 3206 §4: a permanent problem on the server. */
    SYS_PERM("SYS/PERM");

    private final String wire;

    ResponseCode(String wire) {
        this.wire = wire;
    }

    /** The code as it appears between the brackets. */
    public String wire() {
        return wire;
    }
}
