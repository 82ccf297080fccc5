package whatsapp.web.problems.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Bad tokens (expired, wrong signature or issuer, garbage) are refused by the servlet layer
 * before JAX-RS; the web-fragment routes that 401 here so it is problem+json too.
 */
@WebServlet(urlPatterns = UnauthorizedProblemServlet.PATH)
public class UnauthorizedProblemServlet extends HttpServlet {

    static final String PATH = "/problems/unauthorized";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(401);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("WWW-Authenticate", "Bearer");
        response.getWriter().write(Problems.unauthorized().toJson().toString());
    }
}
