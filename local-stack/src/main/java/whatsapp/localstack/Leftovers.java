package whatsapp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a launcher that was killed (kill -9, the OOM killer, a closed terminal) left running from its work
 * directory, stopped cleanly before the next start: the server (SIGTERM, which WildFly answers with a graceful
 * shutdown), Redis (SIGTERM) and PostgreSQL ({@code pg_ctl stop -m fast}, which runs in a session of its own and
 * so outlives even a kill of the launcher's whole process group). PostgreSQL's data directory is never touched:
 * PostgreSQL itself recovers from whatever state the kill left it in when it starts again.
 */
final class Leftovers {

    private Leftovers() {
    }

    /** Refuses to start while the launcher that owns this work directory is still running. */
    static void requireNoLiveLauncher(Path workDir) throws IOException {
        var launcher = new PidFile(workDir.resolve("launcher.pid")).liveProcess();
        if (launcher.isPresent() && launcher.get().pid() != ProcessHandle.current().pid()) {
            throw new IOException("Another local stack is running from " + workDir + " (pid " + launcher.get().pid()
                    + "); stop it first, or choose another STACK_DIR and STACK_PORT_OFFSET");
        }
    }

    /**
     * Stops every leftover of this work directory, server first (it holds connections to the others).
     *
     * @return one description per process stopped, e.g. {@code "WildFly (pid 123)"}; empty when nothing was left
     */
    static List<String> stop(Path workDir) throws IOException, InterruptedException {
        var stopped = new ArrayList<String>();
        var server = new PidFile(workDir.resolve("server.pid"));
        server.liveProcess().ifPresent(process -> {
            terminate(process, 60);
            stopped.add("WildFly (pid " + process.pid() + ")");
        });
        server.delete();
        try (var nodes = Files.newDirectoryStream(workDir, "node-*")) { // the further nodes of NODES=n
            for (Path node : nodes) {
                var pid = new PidFile(node.resolve("server.pid"));
                pid.liveProcess().ifPresent(process -> {
                    terminate(process, 60);
                    stopped.add("WildFly " + node.getFileName() + " (pid " + process.pid() + ")");
                });
                pid.delete();
            }
        }
        var redis = new PidFile(workDir.resolve("redis.pid"));
        redis.liveProcess().ifPresent(process -> {
            terminate(process, 10);
            stopped.add("Redis (pid " + process.pid() + ")");
        });
        redis.delete();
        Optional<Long> postgres = stopPostgres(workDir.resolve("postgres"));
        postgres.ifPresent(pid -> stopped.add("PostgreSQL (pid " + pid + ")"));
        return stopped;
    }

    /** SIGTERM to the process and its children; SIGKILL for whatever has not exited after {@code seconds}. */
    static void terminate(ProcessHandle process, int seconds) {
        var all = new ArrayList<ProcessHandle>(process.descendants().toList());
        all.add(0, process);
        all.forEach(ProcessHandle::destroy);
        for (var handle : all) {
            try {
                handle.onExit().get(seconds, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                handle.destroyForcibly();
            }
        }
    }

    /**
     * A PostgreSQL still serving {@code dataDir}: its postmaster.pid names the postmaster, which counts as ours
     * only when its command line names this very data directory.
     */
    static Optional<Long> stopPostgres(Path dataDir) throws IOException, InterruptedException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2) return Optional.empty();
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        var postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (postmaster.isEmpty()) return Optional.empty(); // a stale file PostgreSQL deals with itself
        Path recorded = Path.of(lines.get(1).trim()).toAbsolutePath().normalize();
        String command = PidFile.commandLine(pid);
        if (!recorded.equals(dataDir.toAbsolutePath().normalize()) || !command.contains(recorded.toString())
                || !command.contains("postgres")) {
            throw new IOException("Process " + pid + " holds " + pidFile + " but is not a PostgreSQL of this directory ("
                    + command + "); stop it by hand");
        }
        if (!pgCtlStop(pid, dataDir)) {
            // fast shutdown by signal; then immediate shutdown, which leaves crash recovery to the next start
            signal("INT", pid);
            if (!awaitExit(postmaster.get(), 60)) {
                signal("QUIT", pid);
                if (!awaitExit(postmaster.get(), 10)) {
                    throw new IOException("PostgreSQL (pid " + pid + ") of " + dataDir + " did not stop; stop it by hand");
                }
            }
        }
        return Optional.of(pid);
    }

    /** {@code pg_ctl stop -m fast} of the binaries the postmaster runs from. */
    static boolean pgCtlStop(long pid, Path dataDir) throws InterruptedException {
        try {
            Path postgres = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
            Path pgCtl = postgres.resolveSibling("pg_ctl");
            if (!Files.isExecutable(pgCtl)) return false;
            var stop = new ProcessBuilder(pgCtl.toString(), "stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return stop.waitFor(70, TimeUnit.SECONDS) && stop.exitValue() == 0
                    && awaitExit(ProcessHandle.of(pid).orElse(null), 10);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static void signal(String name, long pid) throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // awaitExit tells
        }
    }

    static boolean awaitExit(ProcessHandle process, int seconds) {
        if (process == null) return true;
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
