package whatsapp.integrations.lifecycle.entity;

/** The outcome of claiming an organization's one creation slot. */
public sealed interface Claim {

    /** We claimed a fresh slot under a new name: create the instance. */
    record Fresh(InstanceName name) implements Claim {
    }

    /** A claim whose creator vanished (crash, timeout): its recorded name may exist in Evolution. */
    record TakenOver(InstanceName name) implements Claim {
    }

    /** Someone else is creating right now: wait for it. */
    record Busy() implements Claim {
    }
}
