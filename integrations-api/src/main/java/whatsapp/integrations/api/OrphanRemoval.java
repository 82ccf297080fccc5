package whatsapp.integrations.api;

import java.io.Serializable;

/** What became of an Evolution instance that no integration used, when the cleanup asked to remove it. */
public record OrphanRemoval(Outcome outcome, String detail) implements Serializable {

    public enum Outcome {
        /** logged out and deleted in Evolution, audited */
        DELETED,
        /** an integration or a creation in flight uses the name after all: left alone */
        IN_USE,
        /** Evolution confirmed it gone before we deleted it */
        ALREADY_GONE,
        /** Evolution gave no usable answer: nothing known, nothing changed */
        FAILED
    }
}
