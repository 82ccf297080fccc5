package whatsapp.maintenance.heal.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {@code POST /maintenance/instances/{instance_name}/restart}: Evolution restarted the instance. */
@JsonbPropertyOrder({"success", "instanceName", "outcome", "detail"})
public record RestartAnswer(boolean success, String instanceName, String outcome, String detail) {
}
