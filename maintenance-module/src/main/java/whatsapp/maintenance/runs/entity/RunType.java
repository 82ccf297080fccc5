package whatsapp.maintenance.runs.entity;

/** The kinds of maintenance run; the constants are the wire and database values. */
public enum RunType {
    cleanup, health
}
