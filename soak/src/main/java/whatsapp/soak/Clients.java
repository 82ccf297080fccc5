package whatsapp.soak;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.EvolutionSimulator;

/**
 * Clinic traffic: each client thread picks an organization and does one thing with it at a steady pace: create (with
 * an {@code Idempotency-Key}, retrying timeouts, 503 and 409 with the same key the way a frontend does), read, list,
 * pair its phone (the simulator scans the QR and sends the webhook), drop its session (disconnect webhooks; a
 * device removal raises an alert), delete it, and later create it again.
 */
final class Clients {

    /** What the clients believe about an organization (the database stays the truth for the invariants). */
    static final class Org {
        final String id;
        final String phone;
        String integrationId;
        String instanceName;
        String server;

        Org(String id, String phone) {
            this.id = id;
            this.phone = phone;
        }
    }

    static final int CREATE_ATTEMPTS = 8;

    final Api api;
    final String admin;
    final Stats stats;
    final List<Org> orgs;
    final Function<String, EvolutionSimulator> simulators;
    final long pauseMillis;
    volatile boolean running = true;
    /** Every 2xx create: when it was sent, when it was answered, the index of its Evolution server (recovery times). */
    final java.util.concurrent.ConcurrentLinkedQueue<long[]> createsOk = new java.util.concurrent.ConcurrentLinkedQueue<>();

    Clients(Api api, String admin, Stats stats, List<Org> orgs, Function<String, EvolutionSimulator> simulators, long pauseMillis) {
        this.api = api;
        this.admin = admin;
        this.stats = stats;
        this.orgs = orgs;
        this.simulators = simulators;
        this.pauseMillis = pauseMillis;
    }

    Runnable client(long seed) {
        return () -> {
            var random = new Random(seed);
            while (running) {
                var org = orgs.get(random.nextInt(orgs.size()));
                synchronized (org) {
                    try {
                        act(org, random);
                    } catch (RuntimeException e) {
                        stats.count("client errors: " + e.getClass().getSimpleName());
                    }
                }
                EventWorker.sleep(pauseMillis / 2 + random.nextInt((int) pauseMillis));
            }
        };
    }

    void act(Org org, Random random) {
        int roll = random.nextInt(100);
        if (org.integrationId == null) {
            if (roll < 70) create(org);
            else list(org);
            return;
        }
        if (roll < 10) create(org);          // reuse: 200
        else if (roll < 40) read(org);
        else if (roll < 55) list(org);
        else if (roll < 72) pair(org);
        else if (roll < 84) disconnect(org, random);
        else delete(org);
    }

    void create(Org org) {
        String key = UUID.randomUUID().toString();
        long started = System.currentTimeMillis();
        for (int attempt = 1; attempt <= CREATE_ATTEMPTS && running; attempt++) {
            var answer = api.post("POST /integrations/whatsapp", "/integrations/whatsapp", admin,
                    "{\"organization_id\":\"" + org.id + "\"}", Map.of("Idempotency-Key", key));
            if (attempt > 1) stats.count("create retries with the same Idempotency-Key");
            if (answer.status() == 200 || answer.status() == 201) {
                var integration = json(answer.body()).getJsonObject("integration");
                org.integrationId = integration.getString("id");
                org.instanceName = integration.getString("instance_name");
                org.server = integration.getString("evolution_server", "default");
                stats.count(answer.status() == 201 ? "creates: new instance (201)" : "creates: reused (200)");
                createsOk.add(new long[] {started, System.currentTimeMillis(), Soak.SERVERS.indexOf(org.server)});
                return;
            }
            if (answer.status() != 0 && answer.status() != 503 && answer.status() != 409) {
                stats.count("creates: given up on " + answer.status());
                return;
            }
            String retryAfter = answer.header("Retry-After");
            long wait = retryAfter != null && retryAfter.matches("\\d+") ? Math.min(5, Long.parseLong(retryAfter)) * 1000 : 1000L * attempt;
            EventWorker.sleep(wait);
        }
        stats.count("creates: given up after " + CREATE_ATTEMPTS + " attempts");
    }

    void read(Org org) {
        var answer = api.get("GET /integrations/{id}", "/integrations/" + org.integrationId, admin);
        if (answer.status() == 404) {
            stats.count("reads: 404 for an integration the client created (retired meanwhile)");
            forget(org);
        }
    }

    void list(Org org) {
        api.get("GET /integrations?organization_id", "/integrations?organization_id=" + org.id + "&limit=10", admin);
    }

    void pair(Org org) {
        var simulator = simulators.apply(org.server);
        var instance = simulator == null ? null : simulator.instance(org.instanceName).orElse(null);
        if (instance == null) {
            stats.count("pairs: instance not in Evolution");
            return;
        }
        if ("open".equals(instance.state())) {
            stats.count("pairs: already open");
            return;
        }
        simulator.pair(org.instanceName, org.phone);
        stats.count("pairs (simulated QR scan + webhook)");
    }

    void disconnect(Org org, Random random) {
        var simulator = simulators.apply(org.server);
        var instance = simulator == null ? null : simulator.instance(org.instanceName).orElse(null);
        if (instance == null || !"open".equals(instance.state())) {
            pair(org);
            return;
        }
        var reason = switch (random.nextInt(3)) {
            case 0 -> Disconnect.DEVICE_REMOVED;
            case 1 -> Disconnect.CONFLICT;
            default -> Disconnect.TRANSIENT_DROP;
        };
        simulator.disconnect(org.instanceName, reason);
        stats.count("disconnects " + reason);
    }

    void delete(Org org) {
        var answer = api.delete("DELETE /integrations/{id}", "/integrations/" + org.integrationId, admin);
        if (answer.status() == 204 || answer.status() == 202 || answer.status() == 404) {
            stats.count("deletes answered " + answer.status());
            forget(org);
        }
    }

    static void forget(Org org) {
        org.integrationId = null;
        org.instanceName = null;
        org.server = null;
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
