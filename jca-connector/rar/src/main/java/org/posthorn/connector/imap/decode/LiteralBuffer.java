package org.posthorn.connector.imap.decode;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The octets of one literal as they arrive. Its size was checked against the limits before this was
 * made; room grows with the octets that actually come (from 16 KiB, doubling), so a client that
 * announces a large literal and sends little costs little.
 */
final class LiteralBuffer {

    private static final int FIRST_ROOM = 16 * 1024;

    private final int length;
    private byte[] octets;
    private int filled;

    /** @param length the announced size, already within the limits */
    LiteralBuffer(int length) {
        this.length = length;
        this.octets = new byte[Math.min(length, FIRST_ROOM)];
    }

    /**
     * Takes as many of the literal's octets from {@code in} as are there.
     *
     * @return whether the literal is complete
     */
    boolean fill(ByteBuf in) {
        int take = Math.min(length - filled, in.readableBytes());
        if (filled + take > octets.length) {
            octets = Arrays.copyOf(octets, Math.min(length, Math.max(filled + take, octets.length * 2)));
        }
        in.readBytes(octets, filled, take);
        filled += take;
        return filled == length;
    }

    /** The literal; only once {@link #fill} said it is complete. */
    byte[] octets() {
        return octets;
    }

    /** The room held now. */
    int capacity() {
        return octets.length;
    }
}
