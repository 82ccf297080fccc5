package whatsapp.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's headers on every answer: a Content-Security-Policy that allows only this origin's files (no inline
 * script or style, no third-party host), and no framing, sniffing or referrer. The API explorer page alone may use
 * inline styles, which Swagger UI sets on its elements; its scripts stay as strict as everywhere else.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeaders extends HttpFilter {

    static final String STRICT = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    static final String EXPLORER = STRICT.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy(request.getServletPath()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        // the pages change with every deployment; WebJars carry their version in the path
        if (!request.getServletPath().startsWith("/webjars/")) response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }

    static String policy(String path) {
        return path != null && (path.equals("/explorer.html") || path.startsWith("/webjars/swagger-ui/")) ? EXPLORER : STRICT;
    }
}
