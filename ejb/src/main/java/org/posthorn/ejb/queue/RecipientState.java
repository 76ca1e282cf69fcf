package org.posthorn.ejb.queue;

/** Where one recipient of a queued message stands. */
public enum RecipientState {
    /** Not delivered yet; tried again at the message's next attempt. */
    PENDING,
    /** Accepted by the remote server ({@code 250}): never tried again. */
    DELIVERED,
    /** Refused for good ({@code 5xx}, no mail exchanger, or too old): the sender is told. */
    FAILED
}
