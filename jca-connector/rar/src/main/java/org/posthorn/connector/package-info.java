/**
 * The wire: a JCA resource adapter that hosts Posthorn's mail listeners on Netty and calls the
 * post office only through the listener interfaces of {@code org.posthorn.spi}.
 *
 * <p>Everything in this module handles untrusted bytes from the network. It may touch sockets, the
 * WorkManager and message endpoints; never JPA, JMS or EJB APIs.
 */
package org.posthorn.connector;
