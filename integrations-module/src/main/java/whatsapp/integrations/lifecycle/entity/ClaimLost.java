package whatsapp.integrations.lifecycle.entity;

import jakarta.ejb.ApplicationException;

/**
 * This request's creation claim was taken over by another (its lease ran out): whatever Evolution did for this request
 * is now the new claimant's to adopt, so this request records nothing and waits for that claimant's row like any other
 * waiting create. Never leaves the provisioning loop.
 */
@ApplicationException
public class ClaimLost extends RuntimeException {

    public ClaimLost(String organizationId) {
        super("The creation claim of " + organizationId + " was taken over", null, false, false);
    }
}
