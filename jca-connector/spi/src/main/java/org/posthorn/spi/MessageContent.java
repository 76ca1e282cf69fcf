package org.posthorn.spi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The raw bytes of one message (RFC 5322 text, CRLF line ends, no transparency dots), readable
 * as often as needed. The wire may keep small messages in memory and spool large ones to disk;
 * the post office reads it only through this interface.
 */
public interface MessageContent {

    /** The exact number of octets {@link #openStream()} delivers. */
    long size();

    /** A fresh stream over the whole message; the caller closes it. */
    InputStream openStream() throws IOException;

    /** Reads the whole message into memory. */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = openStream()) {
            return in.readAllBytes();
        }
    }

    /** A message held in memory. The array is not copied: the caller must not change it afterwards. */
    static MessageContent of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new MessageContent() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public byte[] readAllBytes() {
                return bytes;
            }
        };
    }
}
