package whatsapp.integrations.cors.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import whatsapp.integrations.cors.control.CorsPolicy;

/**
 * CORS for the browser frontend on the integrations endpoints (this WAR only: the maintenance WAR has no such
 * filter and never answers cross-origin). A servlet filter rather than a JAX-RS one, so that it runs before
 * authentication decides anything about the request: a preflight carries no token and is answered here (204), and
 * the 401 the servlet layer writes for a bad token (an error dispatch) is readable by the frontend too.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR}, asyncSupported = true)
public class CorsFilter extends HttpFilter {

    static final Logger LOG = Logger.getLogger(CorsFilter.class.getName());

    transient CorsPolicy policy;

    @Override
    public void init() {
        policy = CorsPolicy.of(ConfigProvider.getConfig().getOptionalValue("cors.allowed-origins", String.class));
        if (!policy.refused().isEmpty())
            LOG.warning("CORS_ALLOWED_ORIGINS: ignoring " + policy.refused() + " (exact origins like https://app.example.com only, no *)");
        if (policy.enabled()) LOG.info("CORS: the integrations endpoints answer the origins " + policy.origins());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!policy.enabled() || !CorsPolicy.inScope(path(request))) {
            chain.doFilter(request, response);
            return;
        }
        vary(response, "Origin");
        String origin = request.getHeader("Origin");
        if (!policy.allows(origin)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            vary(response, "Access-Control-Request-Method");
            vary(response, "Access-Control-Request-Headers");
            response.setHeader("Access-Control-Allow-Methods", CorsPolicy.ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", CorsPolicy.ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", CorsPolicy.MAX_AGE_SECONDS);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", CorsPolicy.EXPOSED_HEADERS);
        chain.doFilter(request, response);
    }

    /** The path the caller asked for, decoded; on an error dispatch the original one, not the error page's. */
    static String path(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return original == null ? null : URLDecoder.decode(original.toString().replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    static void vary(HttpServletResponse response, String header) {
        var present = response.getHeaders("Vary");
        for (String value : present) {
            for (String item : value.split(",")) if (item.trim().equalsIgnoreCase(header)) return;
        }
        response.addHeader("Vary", header);
    }
}
