package org.posthorn.connector.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The server's private key and its certificate chain, leaf first.
 *
 * @param key   the private key of the leaf certificate
 * @param chain the leaf certificate, then any intermediates; never empty
 */
public record TlsCredentials(PrivateKey key, List<X509Certificate> chain) {

    public TlsCredentials {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain has at least the server's certificate");
        }
    }

    /** The server's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
