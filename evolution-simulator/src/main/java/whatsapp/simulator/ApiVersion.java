package whatsapp.simulator;

/** Which Evolution release the simulator imitates: decides response shapes and a few rules. */
public enum ApiVersion {
    /** 2.3.6: flat fetchInstances rows, 401/402/403/406 terminal, no close webhook for transient drops. */
    V2("2.3.6"),
    /** 1.8.2: nested {"instance":{...}} rows, only 401 terminal, close webhook for every drop. */
    V1_8("1.8.2");

    private final String release;

    ApiVersion(String release) {
        this.release = release;
    }

    /** The {@code version} that {@code GET /} reports. */
    public String release() {
        return release;
    }

    /** Accepts "v2", "2", "2.3.6", "V2", "v1", "v1.8", "1.8.2", "V1_8". */
    public static ApiVersion parse(String text) {
        var t = text.trim().toLowerCase();
        if (t.startsWith("v1") || t.startsWith("1")) return V1_8;
        if (t.startsWith("v2") || t.startsWith("2")) return V2;
        throw new IllegalArgumentException("unknown Evolution version: " + text);
    }
}
