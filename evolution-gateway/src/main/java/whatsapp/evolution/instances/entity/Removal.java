package whatsapp.evolution.instances.entity;

/** The result of logout + delete. Deletion completes asynchronously inside Evolution (§6). */
public sealed interface Removal {

    record Deleted(String name) implements Removal {
    }

    /** Evolution's own 404 for this name, with a proven API key: nothing left to delete. */
    record AlreadyGone(String name) implements Removal {
    }

    /** Unknown whether anything was removed; try again later. */
    record Unavailable(String reason) implements Removal {
    }
}
