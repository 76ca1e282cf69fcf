package org.posthorn.ejb.admin;

/**
 * How much mail something holds.
 *
 * @param messages how many messages, counting each mailbox entry once
 * @param bytes    their total size in octets, as quotas count it (a message delivered to two
 *                 accounts counts for both)
 */
public record Usage(long messages, long bytes) {

    public static final Usage NONE = new Usage(0, 0);
}
