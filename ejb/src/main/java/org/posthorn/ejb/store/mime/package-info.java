/**
 * The MIME structure (RFC 2045/2046) and IMAP envelope (RFC 3501 §7.4.2) of stored messages, parsed
 * once at delivery or APPEND and kept beside the octets in a compact binary form
 * ({@link org.posthorn.ejb.store.mime.StructureCodec}).
 *
 * <p>Untrusted input: the raw octets of any message a remote client sent. Nothing here may fail on
 * malformed MIME, a missing boundary, broken headers or absurd nesting: the parser falls back to a
 * single {@code text/plain} part covering the body. Jakarta Mail parses header fields; the byte
 * offsets come from our own boundary scanner, since Jakarta Mail does not report them. Touches
 * nothing but memory.
 */
package org.posthorn.ejb.store.mime;
