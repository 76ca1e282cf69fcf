/**
 * Rules that hold for the whole web side, console and API alike: credentials only over TLS.
 *
 * <p>Untrusted input: every request to {@code /admin/*} and {@code /api/admin/*}; what is read of it is
 * whether it came over TLS and from which address (the real client's, also behind the HTTPS relay,
 * which announces it with the PROXY protocol: ADR 0009).
 */
package org.posthorn.web.security;
