package org.posthorn.connector.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A PKCS#12 keystore file (RFC 7292) holding the server's key: where it is and its password. The store
 * and the key share the password, as {@code openssl pkcs12 -export} and {@code keytool} make them.
 *
 * @param file     the {@code .p12} file
 * @param password its password; may be empty
 */
public record KeyStoreFile(Path file, char[] password) {

    public KeyStoreFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Reads the key and chain of the store's first key entry (in alias order, so the choice is stable).
     *
     * @throws IOException if the file cannot be read, is not a PKCS#12 store, the password is wrong,
     *                     or it holds no private key with an X.509 chain
     */
    public TlsCredentials load() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<String> aliases = Collections.list(store.aliases());
            Collections.sort(aliases);
            for (String alias : aliases) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key) {
                    return new TlsCredentials(key, x509(store.getCertificateChain(alias), alias));
                }
            }
            throw new IOException(file + " holds no private key entry");
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }

    private List<X509Certificate> x509(Certificate[] chain, String alias) throws IOException {
        if (chain == null || chain.length == 0) {
            throw new IOException(file + ": key entry '" + alias + "' has no certificate chain");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : chain) {
            if (!(certificate instanceof X509Certificate x509)) {
                throw new IOException(file + ": key entry '" + alias + "' has a non-X.509 certificate");
            }
            certificates.add(x509);
        }
        return certificates;
    }

    @Override
    public String toString() {
        return "KeyStoreFile[" + file + "]";
    }
}
