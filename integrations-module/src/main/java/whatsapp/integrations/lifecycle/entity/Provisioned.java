package whatsapp.integrations.lifecycle.entity;

/** The answer of create-or-reuse: the organization's one integration, and whether it existed. */
public record Provisioned(Integration integration, boolean reused) {
}
