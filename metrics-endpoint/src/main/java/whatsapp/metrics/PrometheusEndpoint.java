package whatsapp.metrics;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import whatsapp.infrastructure.metrics.ApplicationRegistry;

/**
 * {@code GET /metrics}: Prometheus text of the application's own registry, on a server that brings none (Payara
 * Server, whose MP Metrics endpoint post-boot-commands.asadmin switches off). On WildFly the meters are in the
 * Micrometer subsystem's registry, served on the management port ({@code :9990/metrics}); here that is a 404 naming it.
 */
@WebServlet(urlPatterns = {"", "/"})
public class PrometheusEndpoint extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = ApplicationRegistry.scrape(); // made at boot (EvolutionFleet) when the server has no registry
        if (text == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"detail\":\"The server's own registry serves the metrics: WildFly's is on the management port, "
                    + "/metrics\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/plain;version=0.0.4;charset=UTF-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
