package whatsapp.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Follows the server's log file and passes on the lines a person at {@code ./start.sh}'s terminal needs:
 * every ERROR, the WARNs of our own code, and a deployment or boot that failed. The rest stays in the file.
 */
final class ServerConsole implements AutoCloseable {

    static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    static final Pattern LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d,\\d{3} (WARN|ERROR|FATAL) +\\[([^\\]]+)\\].*");
    /** Failed deployment, failed or missing services, a boot that ended with errors. */
    static final Pattern FAILURE = Pattern.compile("WFLYCTL0013|WFLYCTL0180|WFLYCTL0186|WFLYSRV0021|WFLYSRV0026"
            + "|WFLYSRV0153");
    /** Repeated while the deployment boots and the stack polls readiness: not news. */
    static final Pattern NOISE = Pattern.compile("WFLYMPHEALTH0003");

    final Path log;
    final Consumer<String> out;
    final Thread follower;
    volatile boolean closed;
    long position;

    ServerConsole(Path log, Consumer<String> out) throws IOException {
        this.log = log;
        this.out = out;
        this.position = Files.exists(log) ? Files.size(log) : 0;
        this.follower = new Thread(this::follow, "server-log-console");
        this.follower.setDaemon(true);
    }

    /** Follows lines appended from now on. */
    static ServerConsole follow(Path log, Consumer<String> out) throws IOException {
        var console = new ServerConsole(log, out);
        console.follower.start();
        return console;
    }

    /** The line as it should appear on the terminal, or null when it stays in the log file only. */
    static String shown(String raw) {
        String line = ANSI.matcher(raw).replaceAll("").stripTrailing();
        if (NOISE.matcher(line).find()) return null;
        if (FAILURE.matcher(line).find()) return "server: " + line;
        var matcher = LINE.matcher(line);
        if (!matcher.matches()) return null;
        String level = matcher.group(1);
        String category = matcher.group(2);
        boolean ours = category.startsWith("whatsapp") || category.startsWith("evolution");
        return level.equals("WARN") && !ours ? null : "server: " + line;
    }

    void follow() {
        var pending = new java.io.ByteArrayOutputStream();
        var buffer = new byte[8192];
        while (!closed) {
            try {
                if (Files.exists(log) && Files.size(log) > position) {
                    try (var file = new RandomAccessFile(log.toFile(), "r")) {
                        file.seek(position);
                        int read;
                        while ((read = file.read(buffer)) > 0) {
                            position += read;
                            for (int i = 0; i < read; i++) {
                                if (buffer[i] != '\n') {
                                    pending.write(buffer[i]);
                                    continue;
                                }
                                String shown = shown(pending.toString(StandardCharsets.UTF_8));
                                pending.reset();
                                if (shown != null) out.accept(shown);
                            }
                        }
                    }
                } else if (Files.exists(log) && Files.size(log) < position) {
                    position = 0; // truncated
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // try again with the next poll
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        follower.interrupt();
    }
}
