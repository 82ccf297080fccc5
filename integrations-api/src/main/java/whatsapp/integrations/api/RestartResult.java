package whatsapp.integrations.api;

import java.io.Serializable;

/** How a restart of an instance stuck connecting went (the auto-heal's one action). */
public record RestartResult(Outcome outcome, String detail) implements Serializable {

    public enum Outcome {
        /** Evolution restarted it; the next webhook or sweep tells whether it came back */
        RESTARTED,
        /** Evolution no longer has it */
        MISSING,
        /** another connect or restart of this instance is in progress somewhere in the cluster */
        BUSY,
        /** Evolution gave no usable answer */
        FAILED
    }
}
