package org.posthorn.connector.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's credentials: the self-signed certificate made once and reused, and a configured keystore. */
class ServerKeyStoreTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void makesASelfSignedCertificateForTheHostNameInTheDataDirectory() throws Exception {
        KeyStoreFile store = ServerKeyStore.selfSigned(data, "mx.example.test", NOW);

        assertThat(store.file()).isEqualTo(data.resolve("tls/posthorn-selfsigned.p12"));
        X509Certificate certificate = store.load().certificate();
        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactly(List.of(2, "mx.example.test")); // 2 = dNSName (RFC 5280 §4.2.1.6)
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=mx.example.test");
        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(Duration.between(NOW.instant(), certificate.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(SelfSignedCertificate.VALIDITY_DAYS));
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // not a CA
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
    }

    @Test
    void anAddressLiteralHostNameBecomesAnIpAddressSan() throws Exception {
        X509Certificate certificate = ServerKeyStore.selfSigned(data, "192.0.2.25", NOW).load().certificate();
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(7, "192.0.2.25")); // 7 = iPAddress
    }

    @Test
    void reusesTheSameCertificateAfterARestart() throws Exception {
        X509Certificate first = ServerKeyStore.selfSigned(data, "mx.example.test", NOW).load().certificate();
        X509Certificate second = ServerKeyStore.selfSigned(data, "mx.example.test", NOW).load().certificate();

        assertThat(second).isEqualTo(first);
        assertThat(second.getSerialNumber()).isEqualTo(first.getSerialNumber());
    }

    @Test
    void theSelfSignedStoreIsReadableByItsOwnerOnly() throws Exception {
        Path file = ServerKeyStore.selfSigned(data, "mx.example.test", NOW).file();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void readsAConfiguredKeystoreWithItsPassword() throws Exception {
        KeyStoreFile configured = new KeyStoreFile(data.resolve("operator.p12"), "s3cret".toCharArray());
        TlsCredentials made = SelfSignedCertificate.create(configured, "mail.example.org", NOW);

        TlsCredentials read = configured.load();

        assertThat(read.certificate()).isEqualTo(made.certificate());
        assertThat(read.key().getEncoded()).isEqualTo(made.key().getEncoded());
    }

    @Test
    void aWrongPasswordOrAMissingFileIsAnIoException() throws Exception {
        Path file = data.resolve("operator.p12");
        SelfSignedCertificate.create(new KeyStoreFile(file, "right".toCharArray()), "mail.example.org", NOW);

        assertThatThrownBy(() -> new KeyStoreFile(file, "wrong".toCharArray()).load()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new KeyStoreFile(data.resolve("absent.p12"), new char[0]).load())
                .isInstanceOf(IOException.class);
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(new KeyStoreFile(data.resolve("x.p12"), "s3cret".toCharArray()).toString()).doesNotContain("s3cret");
    }
}
