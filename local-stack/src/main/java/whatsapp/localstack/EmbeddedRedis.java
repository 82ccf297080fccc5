package whatsapp.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import redis.embedded.core.ExecutableProvider;

/**
 * The local stack's Redis: Debian's {@code redis-server} when one of version 7 or later is on the PATH (maintained
 * by Debian's security team; {@code .ci/run} installs it), otherwise the 6.2.6 binary that embedded-redis ships
 * (end of life upstream). Either way it listens on 127.0.0.1 only, with protected mode on, no persistence and a
 * password generated per run, kept in a configuration file only its owner can read (never on a command line).
 */
final class EmbeddedRedis {

    record Binary(Path path, String version, boolean bundled) {
        String description() {
            return bundled ? version + " (embedded; end of life: `apt-get install redis-server` gives Debian's maintained build)"
                    : version + " (" + path + ")";
        }
    }

    static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");

    final Path dir;
    final int port;
    final String password;
    final PidFile pidFile;
    Binary binary;
    volatile Process process;
    /** Registered at the first start: stops the current redis-server when this JVM exits, whatever else is slow. */
    Thread exitHook;

    EmbeddedRedis(Path dir, int port, PidFile pidFile) {
        this.dir = dir;
        this.port = port;
        this.pidFile = pidFile;
        var secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.password = HexFormat.of().formatHex(secret);
    }

    String url() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    Binary binary() throws IOException {
        if (binary == null) binary = choose();
        return binary;
    }

    /** Debian's (or any) redis-server 7+ on the PATH; the bundled 6.2.6 otherwise. */
    static Binary choose() throws IOException {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (entry.isEmpty()) continue;
            Path candidate = Path.of(entry, "redis-server");
            if (!Files.isExecutable(candidate)) continue;
            var version = versionOf(candidate);
            if (version != null && Integer.parseInt(version.split("\\.")[0]) >= 7) return new Binary(candidate, version, false);
        }
        Path bundled = ExecutableProvider.newJarResourceProvider().get().toPath();
        String version = versionOf(bundled);
        return new Binary(bundled, version == null ? "6.2.6" : version, true);
    }

    static String versionOf(Path executable) {
        try {
            var run = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            run.waitFor(10, TimeUnit.SECONDS);
            var matcher = VERSION.matcher(out);
            return matcher.find() ? matcher.group(1) + "." + matcher.group(2) + "." + matcher.group(3) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** @param extraSettings redis.conf lines added last, so they win (e.g. {@code requirepass x} for outage tests) */
    void start(String... extraSettings) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        var lines = new ArrayList<>(List.of(
                "bind 127.0.0.1",
                "port " + port,
                "protected-mode yes",
                "requirepass " + password,
                "save \"\"",
                "appendonly no",
                "maxmemory 256mb",
                "dir " + dir));
        lines.addAll(List.of(extraSettings));
        Path conf = dir.resolve("redis.conf");
        Files.deleteIfExists(conf);
        Files.createFile(conf, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(conf, lines, StandardCharsets.UTF_8);
        Path log = dir.resolve("redis.log");
        process = new ProcessBuilder(binary().path().toString(), conf.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        pidFile.write(process.pid(), "redis");
        if (exitHook == null) {
            // A JVM's shutdown hooks run side by side: the stack's own (servers first, then Redis) can outlast the
            // time a test runner gives an exiting JVM (failsafe kills it 30 s after System.exit while a Payara domain
            // is still stopping), and a redis-server started here would be left running. This one needs no server.
            exitHook = new Thread(this::destroyAtExit, "redis-stop-at-exit");
            Runtime.getRuntime().addShutdownHook(exitHook);
        }
        awaitListening(log);
    }

    void destroyAtExit() {
        var running = process;
        if (running != null) running.destroy();
    }

    /** Listening once it answers PING at all: {@code +PONG}, or {@code -NOAUTH} for a client without the password. */
    void awaitListening(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IOException("Redis exited with " + process.exitValue() + "; see " + log);
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                socket.setSoTimeout(1000);
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                int first = socket.getInputStream().read();
                if (first == '+' || first == '-') return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new IOException("Redis not listening on 127.0.0.1:" + port + " within 20 s; see " + log);
    }

    void stop() throws IOException {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        pidFile.delete();
    }
}
