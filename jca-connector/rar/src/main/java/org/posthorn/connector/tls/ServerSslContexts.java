package org.posthorn.connector.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * The one TLS policy of every Posthorn listener, as a Netty server {@code SslContext} on the JDK's
 * provider (DESIGN.md fact 12: the adapter builds its own context; Elytron's would be JVM-wide).
 *
 * <p>Protocols: TLS 1.3 and TLS 1.2 only (RFC 8996 deprecates 1.0 and 1.1; RFC 8314 §4.1 asks mail
 * servers for 1.2 or later). Cipher suites: the three TLS 1.3 AEAD suites, and for TLS 1.2 only ECDHE
 * key exchange (forward secrecy) with AES-GCM or ChaCha20-Poly1305 (RFC 9325 §4.2's recommended
 * suites), for ECDSA and RSA certificates alike, so an operator's RSA keystore works too. No CBC, no
 * static RSA key exchange, no SHA-1 MACs.
 */
public final class ServerSslContexts {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public static final List<String> CIPHER_SUITES = List.of(
            // TLS 1.3 (RFC 8446 §9.1)
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            // TLS 1.2, ECDHE + AEAD (RFC 5289, RFC 7905)
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private ServerSslContexts() {
    }

    /**
     * A server context presenting {@code credentials} with Posthorn's protocols and cipher suites.
     *
     * @throws SSLException if the JDK refuses the key or certificate
     */
    public static SslContext forServer(TlsCredentials credentials) throws SSLException {
        return SslContextBuilder
                .forServer(credentials.key(), credentials.chain().toArray(new java.security.cert.X509Certificate[0]))
                .sslProvider(SslProvider.JDK)
                .protocols(PROTOCOLS)
                .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE)
                .build();
    }
}
