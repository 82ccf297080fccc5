package whatsapp.integrations.api;

import java.io.Serializable;

/**
 * What comparing Evolution's stored webhook settings of one instance ({@code GET /webhook/find}) with ours (URL,
 * enabled, events, our secret header) found and did.
 *
 * @param detail what differed, or why nothing could be compared; never a secret
 */
public record WebhookCheck(String instanceName, String organizationId, Outcome outcome, String detail)
        implements Serializable {

    public enum Outcome {
        /** the settings are ours */
        OK,
        /** they differed and were set again ({@code POST /webhook/set}, a fresh secret), audited */
        REPAIRED,
        /** they differed and Evolution did not take ours: left to the background webhook repair (backoff) */
        REPAIR_FAILED,
        /** {@code null} while the instance is not loaded (Evolution restarting): not drift, checked again later */
        RETRY_LATER,
        /** Evolution gave no usable answer: nothing known, nothing changed */
        UNKNOWN,
        /** not due, being deleted, or a webhook repair of it is under way */
        SKIPPED
    }
}
