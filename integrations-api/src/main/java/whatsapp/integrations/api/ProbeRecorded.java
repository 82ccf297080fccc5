package whatsapp.integrations.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * What recording a liveness probe's answer changed.
 *
 * @param probeFailedAt since when the instance has been a zombie (null unless {@link Change#BECAME_ZOMBIE} or
 *                      {@link Change#STILL_ZOMBIE})
 */
public record ProbeRecorded(Change change, Instant probeFailedAt) implements Serializable {

    public enum Change {
        /** found dead for the first time: {@code probe_failed_at} set, a history entry with source {@code probe} */
        BECAME_ZOMBIE,
        /** found dead again: nothing new */
        STILL_ZOMBIE,
        /** a zombie answering again: cleared, a history entry with source {@code probe} */
        ALIVE_AGAIN,
        /** alive, as it was */
        ALIVE,
        /** no longer connected (or gone) when the answer came: nothing recorded */
        NOT_CONNECTED
    }

    public boolean zombie() {
        return change == Change.BECAME_ZOMBIE || change == Change.STILL_ZOMBIE;
    }
}
