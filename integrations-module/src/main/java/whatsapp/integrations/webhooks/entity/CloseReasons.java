package whatsapp.integrations.webhooks.entity;

/** Baileys' terminal close codes (evolution-api.md §8) as the short texts of {@code disconnect_reason}. */
public final class CloseReasons {

    /** What a 401 close says until Evolution's disconnectionObject tells device removal from API logout. */
    public static final String LOGGED_OUT = "logged_out (401)";

    private CloseReasons() {
    }

    public static String of(int code) {
        return switch (code) {
            case 401 -> LOGGED_OUT;
            case 402 -> "temporary_ban (402)";
            case 403 -> "forbidden (403)";
            case 406 -> "banned (406)";
            case 440 -> "conflict (440)";
            case 428 -> "connection_closed (428)";
            case 0 -> null;
            default -> "closed (" + code + ")";
        };
    }
}
