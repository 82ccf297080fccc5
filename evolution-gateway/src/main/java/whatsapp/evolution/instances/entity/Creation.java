package whatsapp.evolution.instances.entity;

import static whatsapp.evolution.instances.entity.EvolutionInstance.text;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** The result of POST /instance/create. */
public sealed interface Creation {

    /** One handler per outcome: a new outcome fails to compile wherever this type is read. */
    <R> R match(Function<Created, R> created, Function<NameTaken, R> nameTaken, Function<Rejected, R> rejected, Function<Unavailable, R> unavailable);

    /** @param token the instance token ({@code hash}): a credential, never printed */
    record Created(String instanceName, String instanceId, String token, String status) implements Creation {
        @Override
        public <R> R match(Function<Created, R> created, Function<NameTaken, R> nameTaken, Function<Rejected, R> rejected, Function<Unavailable, R> unavailable) {
            return created.apply(this);
        }


        /** Reads a 201: {@code instance.{instanceName,instanceId,status}} and {@code hash} (v2 string, v1.8 {"apikey":..}). */
        public static Created of(String requestedName, JsonObject body) {
            var instance = body.get("instance") instanceof JsonObject object ? object : JsonObject.EMPTY_JSON_OBJECT;
            var name = text(instance, "instanceName");
            var token = body.get("hash") instanceof JsonObject hash ? text(hash, "apikey") : text(body, "hash");
            return new Created(name == null ? requestedName : name, text(instance, "instanceId"), token,
                    text(instance, "status"));
        }

        @Override
        public String toString() {
            return "Created[instanceName=" + instanceName + ", instanceId=" + instanceId + ", status=" + status + "]";
        }
    }

    /** 403 "already in use": in memory or any DB row with that name. Look it up rather than fail blindly. */
    record NameTaken(String name) implements Creation {
        @Override
        public <R> R match(Function<Created, R> created, Function<NameTaken, R> nameTaken, Function<Rejected, R> rejected, Function<Unavailable, R> unavailable) {
            return nameTaken.apply(this);
        }
    }

    /** 400: Evolution refused the request; retrying it unchanged will not help. */
    record Rejected(List<String> messages) implements Creation {
        @Override
        public <R> R match(Function<Created, R> created, Function<NameTaken, R> nameTaken, Function<Rejected, R> rejected, Function<Unavailable, R> unavailable) {
            return rejected.apply(this);
        }

        public Rejected {
            messages = List.copyOf(messages);
        }
    }

    /** Unknown whether anything was created. */
    record Unavailable(String reason) implements Creation {
        @Override
        public <R> R match(Function<Created, R> created, Function<NameTaken, R> nameTaken, Function<Rejected, R> rejected, Function<Unavailable, R> unavailable) {
            return unavailable.apply(this);
        }
    }
}
