package org.posthorn.connector.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A renewed keystore is picked up without a restart, at most once per interval, off the caller's thread. */
class ReloadingSslContextTest {

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock();
    private final List<Runnable> checks = new ArrayList<>();

    @Test
    void picksUpARenewedKeystoreAfterTheIntervalOnTheCheckExecutor() throws IOException {
        KeyStoreFile store = new KeyStoreFile(data.resolve("server.p12"), "pw".toCharArray());
        X509Certificate old = SelfSignedCertificate.create(store, "mx.example.test", clock).certificate();
        ReloadingSslContext contexts = ReloadingSslContext.load(store, checks::add, clock, Duration.ofSeconds(5));
        SslContext first = contexts.current();

        X509Certificate renewed = SelfSignedCertificate.create(store, "mx.example.test", clock).certificate();
        Files.setLastModifiedTime(store.file(), FileTime.from(Instant.now().plusSeconds(60)));

        clock.advance(Duration.ofSeconds(4));
        assertThat(contexts.current()).isSameAs(first);
        assertThat(checks).as("no check before the interval").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(contexts.current()).as("the caller never waits for the reload").isSameAs(first);
        assertThat(checks).hasSize(1);
        assertThat(contexts.current()).as("one check at a time").isSameAs(first);
        runChecks();

        assertThat(contexts.current()).isNotSameAs(first);
        assertThat(contexts.certificate()).isEqualTo(renewed).isNotEqualTo(old);
    }

    @Test
    void anUnchangedFileIsNotReloaded() throws IOException {
        KeyStoreFile store = new KeyStoreFile(data.resolve("server.p12"), "pw".toCharArray());
        SelfSignedCertificate.create(store, "mx.example.test", clock);
        ReloadingSslContext contexts = ReloadingSslContext.load(store, checks::add, clock, Duration.ofSeconds(5));
        SslContext first = contexts.current();

        clock.advance(Duration.ofSeconds(10));
        contexts.current();
        runChecks();

        assertThat(contexts.current()).isSameAs(first);
    }

    @Test
    void aBrokenRenewalKeepsTheCertificateLoadedBefore() throws IOException {
        KeyStoreFile store = new KeyStoreFile(data.resolve("server.p12"), "pw".toCharArray());
        X509Certificate old = SelfSignedCertificate.create(store, "mx.example.test", clock).certificate();
        ReloadingSslContext contexts = ReloadingSslContext.load(store, checks::add, clock, Duration.ofSeconds(5));

        Files.write(store.file(), new byte[] {1, 2, 3}); // half-copied
        clock.advance(Duration.ofSeconds(5));
        contexts.current();
        runChecks();

        assertThat(contexts.certificate()).isEqualTo(old);
        assertThat(contexts.current()).isNotNull();
    }

    private void runChecks() {
        List<Runnable> pending = new ArrayList<>(checks);
        checks.clear();
        pending.forEach(Runnable::run);
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
