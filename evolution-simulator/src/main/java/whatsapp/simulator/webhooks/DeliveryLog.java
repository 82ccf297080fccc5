package whatsapp.simulator.webhooks;

import java.util.ArrayList;
import java.util.List;
import whatsapp.simulator.WebhookDelivery;

/** Every webhook attempt, in the order they finished. */
public final class DeliveryLog {

    private final List<WebhookDelivery> deliveries = new ArrayList<>();

    synchronized void record(WebhookDelivery delivery) {
        deliveries.add(delivery);
    }

    public synchronized List<WebhookDelivery> all() {
        return List.copyOf(deliveries);
    }

    public synchronized void clear() {
        deliveries.clear();
    }
}
