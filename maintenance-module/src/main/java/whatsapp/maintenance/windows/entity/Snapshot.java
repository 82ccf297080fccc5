package whatsapp.maintenance.windows.entity;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import whatsapp.integrations.api.Status;

/**
 * The fleet of a maintenance window's servers at one moment: each of our instances there ({@link Seen}), and the
 * servers that could be listed (the instances of the others are not compared). Stored as compact JSON.
 */
public record Snapshot(Set<String> listedServers, List<Seen> instances) {

    public Snapshot {
        listedServers = Set.copyOf(listedServers);
        instances = List.copyOf(instances);
    }

    public String toJson() {
        var list = JSON.createArrayBuilder();
        for (var seen : instances) {
            var item = JSON.createObjectBuilder().add("n", seen.instanceName()).add("s", seen.server());
            if (seen.instanceId() != null) item.add("i", seen.instanceId());
            if (seen.status() != null) item.add("st", seen.status().name());
            list.add(item);
        }
        return JSON.createObjectBuilder().add("listed", JSON.createArrayBuilder(listedServers.stream().sorted().toList()))
                .add("instances", list).build().toString();
    }

    public static Snapshot fromJson(String json) {
        JsonObject object = JSON.createReader(new StringReader(json)).readObject();
        var listed = object.getJsonArray("listed").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        var seen = new ArrayList<Seen>();
        for (var item : object.getJsonArray("instances").getValuesAs(JsonObject.class))
            seen.add(new Seen(item.getString("n"), item.getString("s"), item.getString("i", null),
                    item.containsKey("st") ? Status.valueOf(item.getString("st")) : null));
        return new Snapshot(Set.copyOf(listed), seen);
    }
}
