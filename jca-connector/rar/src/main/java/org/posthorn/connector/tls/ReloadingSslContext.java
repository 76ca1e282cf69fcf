package org.posthorn.connector.tls;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An {@link SslContextSource} that follows its keystore file: a renewed certificate (certbot's deploy
 * hook copying a new {@code .p12} into place, say) is used for new sessions without a restart.
 *
 * <p>{@link #current()} runs on event loops and never touches the file system itself: at most once per
 * check interval it hands a check to the {@code checks} executor, which compares the file's modification
 * time and size with those of the loaded version and, when they differ, reads the store and builds a new
 * context. Until that is done, and forever if the new file cannot be read (a half-copied file, a wrong
 * password; logged each time), sessions get the context already loaded. Sessions already running keep
 * theirs.
 */
public final class ReloadingSslContext implements SslContextSource {

    private static final Logger LOG = Logger.getLogger(ReloadingSslContext.class.getName());

    /** How often a new connection may cause the file to be looked at. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(5);

    private final KeyStoreFile store;
    private final Executor checks;
    private final Clock clock;
    private final long intervalMillis;
    private final AtomicBoolean checking = new AtomicBoolean();

    private volatile Loaded loaded;
    private volatile long nextCheck;

    /** The loaded context and the file version it came from. */
    private record Loaded(SslContext context, X509Certificate certificate, FileTime modified, long size) {
    }

    private ReloadingSslContext(KeyStoreFile store, Executor checks, Clock clock, Duration interval, Loaded first) {
        this.store = store;
        this.checks = checks;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.loaded = first;
        this.nextCheck = clock.millis() + intervalMillis;
    }

    /**
     * Loads the store now (call it off the event loops, e.g. at adapter start) and watches it from then on.
     *
     * @param checks runs the file checks and reloads; not an event loop
     * @throws IOException if the store cannot be read or its key is refused
     */
    public static ReloadingSslContext load(KeyStoreFile store, Executor checks, Clock clock, Duration interval)
            throws IOException {
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(clock, "clock");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("negative check interval");
        }
        return new ReloadingSslContext(store, checks, clock, interval, read(store));
    }

    @Override
    public SslContext current() {
        long now = clock.millis();
        if (now >= nextCheck && checking.compareAndSet(false, true)) {
            nextCheck = now + intervalMillis;
            try {
                checks.execute(this::check);
            } catch (RejectedExecutionException e) {
                checking.set(false);
                LOG.log(Level.FINE, "keystore check not run: the adapter is stopping", e);
            }
        }
        return loaded.context();
    }

    /** The certificate new sessions present now. */
    public X509Certificate certificate() {
        return loaded.certificate();
    }

    /** The file the contexts come from. */
    public KeyStoreFile store() {
        return store;
    }

    private void check() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(store.file(), BasicFileAttributes.class);
            Loaded current = loaded;
            if (attributes.lastModifiedTime().equals(current.modified()) && attributes.size() == current.size()) {
                return;
            }
            loaded = read(store);
            LOG.info(() -> "TLS keystore " + store.file() + " changed; new sessions present "
                    + loaded.certificate().getSubjectX500Principal().getName() + ", serial "
                    + loaded.certificate().getSerialNumber().toString(16));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "TLS keystore " + store.file() + " changed but cannot be used; keeping the certificate "
                    + "loaded before: " + e.getMessage(), e);
        } finally {
            checking.set(false);
        }
    }

    private static Loaded read(KeyStoreFile store) throws IOException {
        // Attributes first: if the file changes while it is read, the next check sees a newer time.
        BasicFileAttributes attributes = Files.readAttributes(store.file(), BasicFileAttributes.class);
        TlsCredentials credentials = store.load();
        return new Loaded(ServerSslContexts.forServer(credentials), credentials.certificate(),
                attributes.lastModifiedTime(), attributes.size());
    }
}
