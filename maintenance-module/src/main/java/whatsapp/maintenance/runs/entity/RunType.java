package whatsapp.maintenance.runs.entity;

/** The kinds of maintenance run; the constants are the wire and database values. */
public enum RunType {
    cleanup("cleanup run"), health("health sweep");

    final String label;

    RunType(String label) {
        this.label = label;
    }

    /** In words, for logs and summaries: "health sweep". */
    public String label() {
        return label;
    }
}
