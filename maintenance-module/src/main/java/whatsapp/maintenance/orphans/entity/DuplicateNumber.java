package whatsapp.maintenance.orphans.entity;

import java.util.List;

/**
 * One WhatsApp number paired with two or more live instances: the very cause of {@code device_removed}.
 *
 * @param instances every instance paired with the number, sorted
 * @param kept      those an integration row references; the others are orphan candidates like any other
 * @param servers   the Evolution server of each instance, in the order of {@code instances}: a number paired on two
 *                  servers is invisible to either alone
 */
public record DuplicateNumber(String phoneNumber, List<String> instances, List<String> kept, List<String> servers) {

    public DuplicateNumber {
        instances = List.copyOf(instances);
        kept = List.copyOf(kept);
        servers = servers == null ? List.of() : List.copyOf(servers);
    }

    /** Before the servers are known (the detector sees one listing). */
    public DuplicateNumber(String phoneNumber, List<String> instances, List<String> kept) {
        this(phoneNumber, instances, kept, List.of());
    }

    /** @param serverOf the server that listed each instance */
    public DuplicateNumber on(java.util.function.Function<String, String> serverOf) {
        return new DuplicateNumber(phoneNumber, instances, kept, instances.stream().map(serverOf).toList());
    }
}
