package whatsapp.simulator.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import whatsapp.simulator.ProbeAnswer;
import whatsapp.simulator.http.Errors;
import whatsapp.simulator.http.HttpCall;
import whatsapp.simulator.http.Json;
import whatsapp.simulator.instances.Instance;

/**
 * {@code POST /chat/whatsappNumbers/{name}} {@code {"numbers":[...]}}, as Evolution 2.3.6 answers it
 * (whatsapp.baileys.service.ts:3389-3402, chat.router.ts:58-61, Baileys socket.ts:111-117): a USync round trip to
 * WhatsApp for numbers not cached, so it tells a live socket from a dead one, which {@code connectionState} cannot.
 * Open and alive: 200 {@code [{"jid","exists":false,"number"}]}; socket closed (not open, or a zombie
 * {@link ProbeAnswer#CLOSED}): 400 with the raw Boom body, {@code output.statusCode} 428; not loaded: 400 {@code {}} at
 * once; hung ({@link ProbeAnswer#HUNG}): no answer until the instance's probe answer changes, or 400 {@code {}} after
 * {@link #HUNG_FOR} (Baileys' 60 s query timeout).
 */
final class ChatRoutes {

    static final Duration HUNG_FOR = Duration.ofSeconds(60);

    void whatsappNumbers(HttpCall call, Instance instance) throws IOException {
        JsonNode body;
        try {
            body = call.body();
        } catch (IOException notJson) {
            Errors.send(call, 400, "Unexpected token in JSON body");
            return;
        }
        var numbers = body.path("numbers");
        if (!numbers.isArray()) {
            Errors.send(call, 400, "instance requires property \"numbers\"");
            return;
        }
        if (!instance.loaded()) {
            call.json(400, Json.object());
            return;
        }
        if (instance.probeAnswer() == ProbeAnswer.HUNG && !waitWhileHung(instance)) {
            call.json(400, Json.object());
            return;
        }
        if (instance.probeAnswer() == ProbeAnswer.CLOSED || !"open".equals(instance.state())) {
            call.json(400, connectionClosed());
            return;
        }
        var answer = Json.array();
        for (var number : numbers) {
            var digits = number.asText().replaceAll("\\D", "");
            answer.addObject().put("jid", digits + "@s.whatsapp.net").put("exists", false).put("number", digits);
        }
        call.json(200, answer);
    }

    /** @return false when it still hangs after {@link #HUNG_FOR} */
    private static boolean waitWhileHung(Instance instance) {
        long until = System.nanoTime() + HUNG_FOR.toNanos();
        while (instance.probeAnswer() == ProbeAnswer.HUNG) {
            if (System.nanoTime() > until) return false;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Baileys' Boom error as Express serialises it. */
    static JsonNode connectionClosed() {
        var body = Json.object();
        body.putNull("data");
        body.put("isBoom", true).put("isServer", false);
        var output = body.putObject("output").put("statusCode", 428);
        output.putObject("payload").put("statusCode", 428).put("error", "Precondition Required").put("message", "Connection Closed");
        output.putObject("headers");
        return body;
    }
}
