package whatsapp.simulator.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import whatsapp.simulator.WebhookSettings;
import whatsapp.simulator.instances.Settings;

/**
 * A validated create request.
 *
 * @param webhook null when none was sent
 * @param body    the request as sent: the 201 answer echoes parts of it
 */
record NewInstance(String name, String token, String integration, String number, boolean qrcode,
                   WebhookSettings webhook, Settings settings, JsonNode body) {
}
