package whatsapp.simulator.http;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with readable names, so a forgotten simulator never keeps a JVM alive. */
public final class Daemons {

    private Daemons() {
    }

    public static ThreadFactory named(String prefix) {
        var counter = new AtomicInteger();
        return task -> {
            var thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
