package whatsapp.integrations.lifecycle.entity;

/** How far a deletion got. */
public sealed interface Retired {

    /** Every step done: instance gone, event recorded, cache invalidated, row deleted. */
    record Done(String instanceName) implements Retired {
    }

    /** Evolution could not be reached; the row stays {@code deleting} and a background retry finishes it. */
    record Pending(Integration integration) implements Retired {
    }

    record Unknown() implements Retired {
    }
}
