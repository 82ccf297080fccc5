package whatsapp.web.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} of the JAX-RS resources, enforced by the application
 * itself, the same way on every server: RESTEasy (WildFly) enforces them only with its
 * {@code resteasy.role.based.security} switch, and Payara's MP JWT registers its own check for one WAR of the EAR only.
 * A method's annotation wins over its class's. A failed check is a {@link ForbiddenException}, which
 * {@code ProblemMapper} answers 401 for a caller without a token and 403 otherwise.
 */
@Provider
public class RoleChecks implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        var roles = roles(resource.getResourceMethod(), resource.getResourceClass());
        if (roles != null) context.register(new Check(roles));
    }

    /** The roles of which the caller needs one; empty: nobody; null: anybody (no check). */
    static List<String> roles(Method method, Class<?> type) {
        if (method != null) {
            if (method.isAnnotationPresent(DenyAll.class)) return List.of();
            if (method.isAnnotationPresent(PermitAll.class)) return null;
            var allowed = method.getAnnotation(RolesAllowed.class);
            if (allowed != null) return List.of(allowed.value());
        }
        if (type == null) return null;
        if (type.isAnnotationPresent(DenyAll.class)) return List.of();
        if (type.isAnnotationPresent(PermitAll.class)) return null;
        var allowed = type.getAnnotation(RolesAllowed.class);
        return allowed == null ? null : List.of(allowed.value());
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security == null || roles.stream().noneMatch(security::isUserInRole)) throw new ForbiddenException();
        }
    }
}
