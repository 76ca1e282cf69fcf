/**
 * Byte-level codecs shared by the text protocols, knowing next to nothing of mail: line framing with a
 * maximum length ({@link org.posthorn.connector.codec.LineFramer}) and the dot-transparency of
 * multi-line bodies in both directions (unstuffing on input, {@link org.posthorn.connector.codec.DotUnstuffer};
 * stuffing on output), and one rule of mail syntax, where a message's header section ends, to hold it
 * to a size limit ({@link org.posthorn.connector.codec.HeaderSectionLimit}).
 *
 * <p>Untrusted input: raw bytes straight from the network, in chunks split anywhere. Every class here
 * works incrementally with memory bounded by its limits whatever the peer sends, reports malformed input
 * as values (never by throwing), and touches nothing but the buffers and sinks it is given.
 */
package org.posthorn.connector.codec;
