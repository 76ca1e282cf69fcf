package org.posthorn.systemtest.support;

/** The ports of the server under test: the defaults shifted by the test port offset (see ear/pom.xml). */
public final class Ports {

    private Ports() {
    }

    public static int offset() {
        return Integer.getInteger("posthorn.test.port-offset", 0);
    }

    public static int smtp() {
        return 2525 + offset();
    }

    public static int submission() {
        return 2587 + offset();
    }

    public static int smtps() {
        return 2465 + offset();
    }

    public static int pop3() {
        return 2110 + offset();
    }

    public static int pop3s() {
        return 2995 + offset();
    }

    public static int imap() {
        return 2143 + offset();
    }

    public static int imaps() {
        return 2993 + offset();
    }

    public static int http() {
        return 8080 + offset();
    }

    public static int https() {
        return 8443 + offset();
    }
}
