package whatsapp.integrations.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.NotAuthorizedException;

/** 401: a webhook delivery without the instance's own secret; nothing was changed. */
@ApplicationException
public class WrongWebhookSecret extends NotAuthorizedException {

    public WrongWebhookSecret() {
        super("The x-evolution-secret header is missing or is not this instance's secret; nothing was changed",
                "Bearer");
    }
}
