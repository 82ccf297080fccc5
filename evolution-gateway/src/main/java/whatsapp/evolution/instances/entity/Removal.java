package whatsapp.evolution.instances.entity;

import java.util.function.Function;

/** The result of logout + delete. Evolution finishes the deletion asynchronously: a listing right after may still show the instance. */
public sealed interface Removal {

    /** One handler per outcome: a new outcome fails to compile wherever this type is read. */
    <R> R match(Function<Deleted, R> deleted, Function<AlreadyGone, R> alreadyGone, Function<Unavailable, R> unavailable);

    record Deleted(String name) implements Removal {
        @Override
        public <R> R match(Function<Deleted, R> deleted, Function<AlreadyGone, R> alreadyGone, Function<Unavailable, R> unavailable) {
            return deleted.apply(this);
        }
    }

    /** Evolution's own 404 for this name, with a proven API key: nothing left to delete. */
    record AlreadyGone(String name) implements Removal {
        @Override
        public <R> R match(Function<Deleted, R> deleted, Function<AlreadyGone, R> alreadyGone, Function<Unavailable, R> unavailable) {
            return alreadyGone.apply(this);
        }
    }

    /** Unknown whether anything was removed; try again later. */
    record Unavailable(String reason) implements Removal {
        @Override
        public <R> R match(Function<Deleted, R> deleted, Function<AlreadyGone, R> alreadyGone, Function<Unavailable, R> unavailable) {
            return unavailable.apply(this);
        }
    }
}
