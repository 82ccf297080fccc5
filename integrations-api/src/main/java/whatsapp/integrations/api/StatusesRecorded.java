package whatsapp.integrations.api;

import java.util.List;

/**
 * Fired (CDI, synchronously) inside the transaction that records status changes, webhook or sweep, whenever it changed
 * something: an observer's writes commit or roll back with the change itself. The maintenance module raises and
 * resolves alerts from it, so an alert is never lost between the change and its delivery.
 *
 * @param changes       the status changes recorded
 * @param sharedNumbers phone numbers that, after these changes, more than one connected integration is paired with
 */
public record StatusesRecorded(List<StatusChange> changes, List<SharedNumber> sharedNumbers) {

    public StatusesRecorded {
        changes = List.copyOf(changes);
        sharedNumbers = List.copyOf(sharedNumbers);
    }

    /** One WhatsApp number paired with several connected integrations' instances. */
    public record SharedNumber(String phoneNumber, List<String> instanceNames) {

        public SharedNumber {
            instanceNames = List.copyOf(instanceNames);
        }
    }
}
