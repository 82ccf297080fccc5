package whatsapp.integrations.lifecycle.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {"success": true, "reused": ..., "integration": {...}} */
@JsonbPropertyOrder({"success", "reused", "integration"})
public record CreateAnswer(boolean success, boolean reused, IntegrationView integration) {

    public static CreateAnswer of(Provisioned provisioned) {
        return new CreateAnswer(true, provisioned.reused(), IntegrationView.of(provisioned.integration()));
    }
}
