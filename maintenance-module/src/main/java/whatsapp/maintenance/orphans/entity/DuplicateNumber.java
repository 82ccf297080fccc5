package whatsapp.maintenance.orphans.entity;

import java.util.List;

/**
 * One WhatsApp number paired with two or more live instances: the very cause of {@code device_removed}.
 *
 * @param instances every instance paired with the number, sorted
 * @param kept      those an integration row references; the others are orphan candidates like any other
 */
public record DuplicateNumber(String phoneNumber, List<String> instances, List<String> kept) {

    public DuplicateNumber {
        instances = List.copyOf(instances);
        kept = List.copyOf(kept);
    }
}
