package org.posthorn.connector.endpoint;

/** The post office cannot take calls now (its endpoint is not active, or the work was refused). */
public class PostOfficeUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PostOfficeUnavailableException(String message) {
        super(message);
    }

    public PostOfficeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
