package org.posthorn.connector.smtp.decode;

import org.posthorn.spi.MessageContent;

/** A received message held by a {@link MessageSpool}, until whoever is done with it last discards it. */
public interface SpooledMessage extends MessageContent {

    /** Frees what holds the message (a spool file); reading it afterwards fails. Idempotent. */
    void discard();

    /** A message of no octets, where there is nothing to hand on. */
    static SpooledMessage empty() {
        return new SpooledMessage() {
            @Override
            public long size() {
                return 0;
            }

            @Override
            public java.io.InputStream openStream() {
                return java.io.InputStream.nullInputStream();
            }

            @Override
            public void discard() {
                // Nothing is held.
            }
        };
    }
}
