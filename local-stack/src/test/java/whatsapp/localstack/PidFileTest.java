package whatsapp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void aLiveProcessCountsOnlyWithItsStartTimeAndCommandLine() throws Exception {
        var sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            var file = new PidFile(dir.resolve("x.pid"));
            file.write(sleeper.pid(), "sleep");
            assertThat(file.liveProcess()).map(ProcessHandle::pid).contains(sleeper.pid());

            file.write(sleeper.pid(), "redis-server");
            assertThat(file.liveProcess()).as("another command line").isEmpty();
            assertThat(dir.resolve("x.pid")).doesNotExist();

            file.write(sleeper.pid(), "sleep");
            Files.writeString(file.path(), Files.readString(file.path()).replaceFirst("start=\\d+", "start=1"));
            assertThat(file.liveProcess()).as("a recycled pid: another start time").isEmpty();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aProcessThatExitedIsNoLeftover() throws Exception {
        var done = new ProcessBuilder("true").start();
        done.waitFor();
        var file = new PidFile(dir.resolve("y.pid"));
        file.write(done.pid(), "");
        assertThat(file.liveProcess()).isEmpty();
    }
}
