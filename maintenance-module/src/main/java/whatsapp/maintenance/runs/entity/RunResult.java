package whatsapp.maintenance.runs.entity;

/** How a run ended, as the runs history records it. */
public interface RunResult {

    /** {@link Run#COMPLETED}, {@link Run#ABORTED}, {@link Run#FAILED} or {@link Run#SKIPPED} */
    String outcome();

    /** What the history stores as the run's JSON summary; null for none. */
    Object recorded();
}
