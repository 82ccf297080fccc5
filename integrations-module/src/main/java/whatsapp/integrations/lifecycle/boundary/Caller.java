package whatsapp.integrations.lifecycle.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: an admin (all organizations) or a member of one organization. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public boolean admin() {
        return token.getGroups() != null && token.getGroups().contains("admin");
    }

    public String organization() {
        Object claim = token.getClaim("organization_id");
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    /** Admins see everything; a member only its own organization's rows. */
    public boolean maySee(String organizationId) {
        return admin() || organizationId.equals(organization());
    }

    /** For the audit log: "user:alice". */
    public String actor() {
        return "user:" + token.getName();
    }
}
