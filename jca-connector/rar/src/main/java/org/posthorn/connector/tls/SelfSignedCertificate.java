package org.posthorn.connector.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the certificate a fresh installation uses until the operator configures a real one: an EC
 * P-256 key and a self-signed X.509 v3 certificate signed with SHA-256 (ECDSA), valid for
 * {@value #VALIDITY_DAYS} days (the CA/Browser Forum's old maximum; clients that pin a self-signed
 * certificate need not re-pin every few months). The host name goes into the subject alternative name,
 * which is what clients check (RFC 6125 §6.4.4; RFC 7817 §3 for mail), and into the CN for old ones.
 *
 * <p>Written as PKCS#12 through the JDK's {@code KeyStore}; BouncyCastle only builds and signs the
 * certificate, through the JDK's own signature provider (BC is not registered as a provider). The file
 * is written beside its final name and moved into place, so a reader never sees half a keystore, and
 * is readable by the owner only where the file system has POSIX permissions.
 */
public final class SelfSignedCertificate {

    public static final int VALIDITY_DAYS = 825;
    /** The key entry's alias in the generated store. */
    static final String ALIAS = "posthorn";

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private SelfSignedCertificate() {
    }

    /**
     * Generates a key and certificate for {@code hostname} and stores them in {@code store}'s file,
     * replacing any file there.
     *
     * @throws IOException if the file cannot be written or the JDK lacks EC P-256 / SHA256withECDSA
     */
    public static TlsCredentials create(KeyStoreFile store, String hostname, Clock clock) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = certificate(keys, hostname, clock.instant());
            write(store, keys, certificate);
            return new TlsCredentials(keys.getPrivate(), java.util.List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("Cannot make a self-signed certificate for " + hostname + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(KeyPair keys, String hostname, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Posthorn (self-signed)")
                .addRDN(BCStyle.CN, hostname)
                .build();
        // RFC 5280 §4.1.2.2: positive, at most 20 octets; 159 random bits are both.
        BigInteger serial = new BigInteger(159, new SecureRandom());
        // An hour of slack for clients whose clocks run behind.
        Date notBefore = Date.from(now.minus(Duration.ofHours(1)));
        Date notAfter = Date.from(now.plus(Duration.ofDays(VALIDITY_DAYS)));
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        var builder = new JcaX509v3CertificateBuilder(name, serial, notBefore, notAfter, name, keys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectAltName(hostname)))
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    /** RFC 5280 §4.2.1.6: an address literal is an iPAddress, anything else a dNSName. */
    private static GeneralName subjectAltName(String hostname) {
        boolean address = IPV4.matcher(hostname).matches() || hostname.contains(":");
        return new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, hostname);
    }

    private static void write(KeyStoreFile store, KeyPair keys, X509Certificate certificate)
            throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(ALIAS, keys.getPrivate(), store.password(), new Certificate[] {certificate});
        Path target = store.file().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            ownerOnly(temporary);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                keyStore.store(out, store.password());
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
