package whatsapp.integrations.openapi.boundary;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Documents the list endpoint at the WAR's root as {@code /integrations}, the URL clients call,
 * instead of {@code /integrations/}. WildFly prefixes every path with the context root after this
 * filter has run, so the root path {@code /} becomes the empty path here. Routing is unchanged.
 */
public class OpenApiRootPath implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var paths = openAPI.getPaths();
        var root = paths == null ? null : paths.getPathItem("/");
        if (root == null) return;
        paths.removePathItem("/");
        paths.addPathItem("", root);
    }
}
