/**
 * Hosting listeners on Netty: binding ports, the event loops, the per-listener connection limits,
 * the longest session and the pace of commands on every connection.
 * Protocol-neutral; each protocol plugs in as a {@link org.posthorn.connector.server.Protocol}.
 */
package org.posthorn.connector.server;
