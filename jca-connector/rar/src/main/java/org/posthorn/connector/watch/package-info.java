/**
 * Which IMAP sessions watch which mailbox, so that a change committed by the post office reaches
 * exactly those sessions without polling (ADR 0004). Names come from the post office (changes) and
 * from authenticated sessions (watches); nothing here parses client input. Touches no I/O and no
 * thread of its own: callbacks run on the notifying thread and must only hand off.
 */
package org.posthorn.connector.watch;
