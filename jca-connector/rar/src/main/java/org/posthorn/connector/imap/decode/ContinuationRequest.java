package org.posthorn.connector.imap.decode;

/**
 * The client announced a synchronizing literal ({@code {n}}, RFC 3501 §4.3) that fits the limits and
 * waits for the server's go-ahead: the caller sends a command continuation request
 * ({@code + Ready for literal data}, RFC 3501 §7.5) and keeps feeding the decoder, which reads the
 * literal next. Nothing of the command is executed yet.
 */
public record ContinuationRequest() implements ImapInput {
}
