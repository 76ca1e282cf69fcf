/**
 * The seam between the wire (the resource adapter) and the post office (the MDBs in {@code ejb}).
 *
 * <p>Listener interfaces owned by the wire side, one per need, and the immutable values they pass.
 * They speak addresses, mailbox names, ids and byte streams, never protocol syntax. The adapter calls
 * them through JCA message endpoints, one call per command or message, each in its own container
 * transaction; refusals come back as values ({@link org.posthorn.spi.MailError}), never as exceptions,
 * so that an expected "no" neither rolls back nor logs an error. An exception from a listener means
 * an internal failure: the adapter answers "try again later" and logs it.
 *
 * <p>This package ships once, in the EAR's {@code lib/} (DESIGN.md fact 5).
 */
package org.posthorn.spi;
