package whatsapp.simulator.webhooks;

import java.util.List;
import java.util.Locale;

/**
 * Evolution's webhook event names: the constants a webhook subscribes to ({@code CONNECTION_UPDATE})
 * and the dotted names deliveries carry ({@code connection.update}).
 */
public final class EventNames {

    /** The 31 names {@code /webhook/set} accepts, in Evolution's order; {@code []} subscribes to all. */
    public static final List<String> ALL = List.of("APPLICATION_STARTUP", "QRCODE_UPDATED", "MESSAGES_SET",
            "MESSAGES_UPSERT", "MESSAGES_EDITED", "MESSAGES_UPDATE", "MESSAGES_DELETE", "SEND_MESSAGE",
            "SEND_MESSAGE_UPDATE", "CONTACTS_SET", "CONTACTS_UPSERT", "CONTACTS_UPDATE", "PRESENCE_UPDATE",
            "CHATS_SET", "CHATS_UPSERT", "CHATS_UPDATE", "CHATS_DELETE", "GROUPS_UPSERT", "GROUP_UPDATE",
            "GROUP_PARTICIPANTS_UPDATE", "CONNECTION_UPDATE", "LABELS_EDIT", "LABELS_ASSOCIATION", "CALL",
            "TYPEBOT_START", "TYPEBOT_CHANGE_STATUS", "REMOVE_INSTANCE", "LOGOUT_INSTANCE", "INSTANCE_CREATE",
            "INSTANCE_DELETE", "STATUS_INSTANCE");

    private EventNames() {
    }

    /** {@code connection.update} → {@code CONNECTION_UPDATE} */
    public static String constant(String dotted) {
        return dotted.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT);
    }

    /** With {@code byEvents}: {@code connection.update} → {@code connection-update}, appended to the URL. */
    public static String pathSuffix(String dotted) {
        return constant(dotted).replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
