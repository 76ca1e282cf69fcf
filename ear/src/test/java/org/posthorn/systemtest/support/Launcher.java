package org.posthorn.systemtest.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's launcher ({@code wildfly-config/bin/posthorn}) driven as an operator would, on its own
 * port offset and data directory, so it never meets the Arquillian-managed server.
 */
public final class Launcher {

    private final int portOffset;
    private final Path dataDirectory;
    private final Path log;
    private final String adminPassword;
    private final List<String> extraSettings;

    public Launcher(int portOffset, Path dataDirectory, Path log, String adminPassword, String... extraSettings) {
        this.portOffset = portOffset;
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.log = log.toAbsolutePath();
        this.adminPassword = adminPassword;
        this.extraSettings = List.of(extraSettings);
    }

    /** Runs {@code posthorn <command>} and returns its exit code; its output goes to the log file. */
    public int run(String command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(System.getProperty("posthorn.launcher"), command,
                "-Djboss.socket.binding.port-offset=" + portOffset, "-Dposthorn.data.dir=" + dataDirectory));
        args.addAll(extraSettings);
        var builder = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("POSTHORN_ADMIN_PASSWORD", adminPassword);
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("posthorn " + command + " did not finish; see " + log);
        }
        return process.exitValue();
    }

    /** The JVM's pid, from the launcher's pid file. */
    public long serverPid() throws IOException {
        return Long.parseLong(Files.readString(dataDirectory.resolve("posthorn.pid")).trim());
    }

    public int port(int defaultPort) {
        return defaultPort + portOffset;
    }

    public AdminApi adminApi() {
        return new AdminApi(port(8080), "admin", adminPassword);
    }

    public Path log() {
        return log;
    }

    /** Removes the data directory, for a first start. */
    public void deleteData() throws IOException {
        if (Files.exists(dataDirectory)) {
            try (var paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
