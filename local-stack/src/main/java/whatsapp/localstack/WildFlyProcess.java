package whatsapp.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The provisioned WildFly ({@code ear/target/server}) as a child process: started with the
 * environment the stack computed, ready once MP Health says so, stoppable gently or with kill -9.
 * {@link PayaraProcess} runs Payara Server the same way ({@code SERVER=payara}).
 */
public class WildFlyProcess {

    /**
     * Sized for a 2-core box so resident memory stays under 600 MB even after a 50,000-instance sweep
     * (docs/performance-notes.md): the heap's live set is ~100 MB, a 40 MB young generation is always
     * fully resident, so it is kept small and the old generation gets the rest. {@code SERVER_JAVA_OPTS}
     * is appended, so any of these can be overridden.
     */
    static final String DEFAULT_JVM_OPTIONS = "-Xms64m -Xmx200m -Xmn40m -XX:MetaspaceSize=96m -XX:MaxMetaspaceSize=192m "
            + "-XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -Xss512k -XX:+UseSerialGC "
            + "-Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman";

    final Path home;
    final Map<String, String> environment;
    final Path log;
    final boolean inheritOutput;
    final int portOffset;
    /**
     * The server's base directory ({@code jboss.server.base.dir}: configuration, deployments, data, log, tmp); null for
     * the provisioned server's own {@code standalone}. A second node of the same server needs one of its own.
     */
    Path baseDir;
    /** Where the server's pid is recorded for the next start to find after a kill of the launcher; none when null. */
    PidFile pidFile;
    Process process;

    public WildFlyProcess(Path home, Map<String, String> environment, Path log, boolean inheritOutput, int portOffset) {
        this.home = home;
        this.environment = environment;
        this.log = log;
        this.inheritOutput = inheritOutput;
        this.portOffset = portOffset;
    }

    /**
     * A server of its own beside another from the same home: its configuration, lib and deployments are a copy of the
     * home's {@code standalone} directory in {@code baseDir}, made afresh (not its data, tmp and log, nor the deployment
     * scanner's markers and the configuration history).
     */
    public WildFlyProcess withOwnBaseDir(Path baseDir) throws IOException {
        var source = home.resolve("standalone");
        if (Files.exists(baseDir)) {
            try (var old = Files.walk(baseDir)) {
                for (var path : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
            }
        }
        try (var files = Files.walk(source)) {
            for (var path : files.toList()) {
                var relative = source.relativize(path).toString();
                if (relative.startsWith("data") || relative.startsWith("tmp") || relative.startsWith("log")
                        || relative.contains("standalone_xml_history") || isScannerMarker(relative)) continue;
                var target = baseDir.resolve(relative);
                if (Files.isDirectory(path)) Files.createDirectories(target);
                else Files.copy(path, target);
            }
        }
        this.baseDir = baseDir;
        return this;
    }

    static boolean isScannerMarker(String file) {
        return file.endsWith(".deployed") || file.endsWith(".failed") || file.endsWith(".isdeploying")
                || file.endsWith(".pending") || file.endsWith(".undeployed");
    }

    /**
     * The same server (home, base directory, ports, log, pid file) to be started again with {@code environment}: a
     * restart with other settings, after {@link #stop()} or {@link #kill()}.
     */
    public WildFlyProcess again(Map<String, String> environment) {
        var next = new WildFlyProcess(home, environment, log, inheritOutput, portOffset);
        next.baseDir = baseDir;
        next.pidFile = pidFile;
        return next;
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public void start(Duration timeout) throws IOException, InterruptedException {
        requireFree(8080 + portOffset);
        requireFree(9990 + portOffset);
        var command = new java.util.ArrayList<>(java.util.List.of(home.toAbsolutePath().normalize().resolve("bin/standalone.sh").toString(),
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + portOffset));
        if (baseDir != null) command.add("-Djboss.server.base.dir=" + baseDir.toAbsolutePath().normalize());
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2"); // glibc's per-thread arenas otherwise bloat RSS
        builder.environment().putIfAbsent("JAVA_OPTS", DEFAULT_JVM_OPTIONS + " "
                + builder.environment().getOrDefault("SERVER_JAVA_OPTS", ""));
        builder.redirectErrorStream(true);
        if (inheritOutput) builder.inheritIO();
        else builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        String marker = (baseDir == null ? home : baseDir).toAbsolutePath().normalize().toString();
        if (pidFile != null) pidFile.write(process.pid(), marker); // the launch script; its JVM once there is one
        awaitReady(timeout);
        if (pidFile != null) pidFile.write(pid(), marker);
    }

    static boolean awaitExit(java.util.List<ProcessHandle> processes) {
        for (var handle : processes) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }

    /** What the launcher and the logs call this server. */
    public String name() {
        return "WildFly";
    }

    /** Whether {@code /health/ready}'s 200 {@code body} means the application is up (not merely the server). */
    boolean readyBody(String body) {
        return true;
    }

    /** A server already answering on our ports would be mistaken for ours: refuse to start instead. */
    static void requireFree(int port) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (var socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return;
            } catch (IOException taken) {
                if (attempt >= 20) throw new IOException("Port " + port + " is in use (another WildFly still running?)", taken);
                Thread.sleep(500); // a server that just exited may still hold it for a moment
            }
        }
    }

    void awaitReady(Duration timeout) throws InterruptedException, IOException {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready")).timeout(Duration.ofSeconds(3)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IOException(name() + " exited with " + process.exitValue() + "; see " + log);
            try {
                var answer = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && readyBody(answer.body())) return;
                if (answer.body().contains("\"FAILED\"")) throw new IOException("The deployment failed; see " + log);
            } catch (java.net.ConnectException | java.net.http.HttpTimeoutException notYet) {
                // still booting
            }
            Thread.sleep(250);
        }
        throw new IOException(name() + " not ready within " + timeout + "; see " + log);
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + (8080 + portOffset);
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + (9990 + portOffset);
    }

    /** Prometheus text of the application's meters. */
    public String metricsUrl() {
        return managementUrl() + "/metrics";
    }

    /** Graceful stop: SIGTERM to the JVM, which the launch script forwards. */
    public void stop() throws InterruptedException {
        if (process == null) return;
        var children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS) || !awaitExit(children)) {
            kill();
            return;
        }
        process = null;
        if (pidFile != null) pidFile.delete();
    }

    /**
     * A load balancer's way down: WildFly's own {@code :shutdown(suspend-timeout=...)} through its CLI (local
     * authentication), so that the server refuses new requests with 503 at once, lets the running ones finish for up
     * to {@code suspendTimeout}, and then stops. Falls back to {@link #stop()} when the CLI cannot reach it.
     */
    public void stopGracefully(Duration suspendTimeout) throws InterruptedException, IOException {
        if (process == null) return;
        var cli = new ProcessBuilder(home.toAbsolutePath().normalize().resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + (9990 + portOffset),
                "--command=:shutdown(suspend-timeout=" + suspendTimeout.toSeconds() + ")")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        cli.environment().put("JAVA_OPTS", "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        var shutdown = cli.start();
        boolean asked = shutdown.waitFor(60, TimeUnit.SECONDS) && shutdown.exitValue() == 0;
        if (!asked) shutdown.destroyForcibly();
        if (asked && process.waitFor(suspendTimeout.toSeconds() + 30, TimeUnit.SECONDS)) {
            awaitExit(process.descendants().toList());
            process = null;
            if (pidFile != null) pidFile.delete();
            return;
        }
        stop();
    }

    /** A node that stops answering without dying (a long GC pause, a frozen VM): SIGSTOP to its JVM. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Resumes a {@link #freeze() frozen} node: SIGCONT. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    void signal(String name) throws IOException, InterruptedException {
        var kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) throw new IOException("kill -" + name + " " + pid() + " failed");
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Crash: kill -9 of the server JVM, no shutdown hooks, no cleanup. */
    public void kill() throws InterruptedException {
        if (process == null) return;
        var children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        awaitExit(children);
        process = null;
        if (pidFile != null) pidFile.delete();
    }

    public long pid() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(process.pid());
    }
}
