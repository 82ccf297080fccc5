package whatsapp.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A process the local stack started, recorded in its work directory ({@code server.pid}, {@code redis.pid},
 * {@code launcher.pid}) so that the next start can find it after the launcher was killed. A pid alone is not
 * trusted: the record also holds the process's start time (ticks since boot, {@code /proc/<pid>/stat} field 22)
 * and a text its command line contains, and only a process that matches both counts as ours.
 */
record PidFile(Path path) {

    void write(long pid, String marker) throws IOException {
        var record = new Properties();
        record.setProperty("pid", Long.toString(pid));
        record.setProperty("start", startTicks(pid).orElse(""));
        record.setProperty("marker", marker);
        Files.createDirectories(path.getParent());
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            record.store(out, "written by whatsapp.localstack; removed on a clean stop");
        }
        Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the next start checks the recorded process and finds it gone
        }
    }

    /** The recorded process when it is still alive and still the one recorded; the file is deleted otherwise. */
    Optional<ProcessHandle> liveProcess() {
        if (!Files.exists(path)) return Optional.empty();
        var record = new Properties();
        try (var in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            record.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            delete();
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(record.getProperty("pid", ""));
        } catch (NumberFormatException e) {
            delete();
            return Optional.empty();
        }
        var owner = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> startTicks(pid).map(t -> t.equals(record.getProperty("start"))).orElse(false))
                .filter(p -> commandLine(pid).contains(record.getProperty("marker", "")));
        if (owner.isEmpty()) delete();
        return owner;
    }

    /** Start time since boot in clock ticks: with the pid, it names one process for the machine's uptime. */
    static Optional<String> startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so count after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(fields[19]); // field 22 overall; fields[0] is field 3
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The process's command line with its arguments separated by spaces; empty when it cannot be read. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }
}
