/**
 * Test support: the real persistence unit on an in-memory H2 database and the post office's beans
 * wired by hand, so tests call them as the container would. Handles no untrusted input.
 */
package org.posthorn.ejb.testing;
