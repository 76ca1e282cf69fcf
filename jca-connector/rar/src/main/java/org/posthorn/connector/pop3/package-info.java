/**
 * The POP3 server (RFC 1939, RFC 2449 CAPA and response codes, RFC 5034 SASL PLAIN, RFC 2595 STLS,
 * RFC 8314 POP3S): the {@link org.posthorn.connector.pop3.Pop3Protocol}s the listener host binds
 * ({@code pop3} and {@code pop3s}), their settings, and the
 * per-connection handler that frames lines, queues them, runs their outcomes on the event loop and
 * writes the responses.
 *
 * <p>Handles raw bytes from the network: lines are framed with a hard length limit, and a client
 * that pipelines faster than it reads is paused instead of buffered without bound. May touch Netty
 * channels and the event loop's timer; blocking work goes to the post office
 * ({@link org.posthorn.connector.endpoint.PostOffice}), never onto the event loop. After STLS the
 * handler discards every clear-text byte the client sent behind the command before TLS starts.
 *
 * <p>Subpackages: {@code decode} (lines to command records), {@code command} (state machine,
 * command table, one class per command, no I/O), {@code encode} (response records to bytes).
 */
package org.posthorn.connector.pop3;
