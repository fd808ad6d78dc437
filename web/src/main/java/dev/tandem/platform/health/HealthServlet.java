package dev.tandem.platform.health;

import jakarta.inject.Inject;
import dev.tandem.domain.JsonDocuments;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** GET /health/live and /health/ready: 200 {"status":"UP",...} or 503 {"status":"DOWN",...}. */
@WebServlet(urlPatterns = {"/health/live", "/health/ready"})
public class HealthServlet extends HttpServlet {

    @Inject
    Probes probes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Probes.Result> results = probes.all();
        boolean up = results.stream().allMatch(Probes.Result::up);
        JsonArrayBuilder checks = JsonDocuments.array();
        results.forEach(r -> checks.add(JsonDocuments.object().add("name", r.name()).add("status", r.up() ? "UP" : "DOWN")));
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JsonDocuments.object()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", checks)
                .build().toString());
    }
}
