package whatsapp.maintenance.fleethealth.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.IntegrationSummary;

/**
 * Evolution's instance {@code id} (a UUID made at create; stable across restarts) against the one each row recorded:
 * the same name with another id means the instance was deleted and created again behind our back (its webhook and
 * secret are not ours any more). Rows without an id yet learn the listed one. Pure.
 *
 * @param learned   instance name → listed id, for rows that recorded none
 * @param recreated rows whose instance is listed with another id
 */
public record Identities(Map<String, String> learned, List<Recreated> recreated) {

    public record Recreated(IntegrationSummary row, String previousId, String newId) {
    }

    /** @param listed the listed instances that speak for the rows (each on its row's server) */
    public static Identities of(List<IntegrationSummary> rows, List<EvolutionInstance> listed) {
        var ids = new HashMap<String, String>();
        for (var instance : listed) if (instance.id() != null && !instance.id().isBlank()) ids.put(instance.name(), instance.id());
        var learned = new HashMap<String, String>();
        var recreated = new ArrayList<Recreated>();
        for (var row : rows) {
            var id = ids.get(row.instanceName());
            if (id == null) continue;
            if (row.instanceId() == null || row.instanceId().isBlank()) learned.put(row.instanceName(), id);
            else if (!row.instanceId().equals(id)) recreated.add(new Recreated(row, row.instanceId(), id));
        }
        return new Identities(Map.copyOf(learned), List.copyOf(recreated));
    }
}
