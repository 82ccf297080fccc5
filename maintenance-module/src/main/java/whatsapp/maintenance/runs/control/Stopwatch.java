package whatsapp.maintenance.runs.control;

/** Milliseconds per step of a run (a sweep, an orphan check), for its log line: where a slow one spends its time. Not thread-safe. */
public final class Stopwatch {

    final StringBuilder laps = new StringBuilder();
    long last = System.nanoTime();

    /** Ends the step called {@code step}; the next one starts now. */
    public void lap(String step) {
        long now = System.nanoTime();
        laps.append(laps.isEmpty() ? "" : ", ").append(step).append(' ').append((now - last) / 1_000_000).append(" ms");
        last = now;
    }

    @Override
    public String toString() {
        return laps.toString();
    }
}
