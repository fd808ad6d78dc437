package dev.tandem.sync.api;

import dev.tandem.sync.WebhookIntake;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * GET answers Meta's verification handshake; POST takes a signed delivery. A servlet, not a JAX-RS
 * resource, so the signature is checked over the exact bytes received before anything parses them.
 * 200 goes back only after WebhookIntake has committed the JMS sends.
 */
@WebServlet(urlPatterns = "/webhooks/whatsapp/*", asyncSupported = false)
public class WebhookServlet extends HttpServlet {

    /** Meta sends at most 3 MB; anything far larger is not Meta. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    @Inject
    WebhookIntake intake;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String appId = appId(request);
        String challenge = appId == null ? null : intake.handshake(appId, request.getParameter("hub.mode"),
                request.getParameter("hub.verify_token"), request.getParameter("hub.challenge"));
        if (challenge == null) {
            plain(response, HttpServletResponse.SC_FORBIDDEN, "verification failed");
            return;
        }
        plain(response, HttpServletResponse.SC_OK, challenge);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String appId = appId(request);
        if (appId == null) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "unknown webhook path");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            plain(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large");
            return;
        }
        byte[] body = readBody(request.getInputStream());
        if (body == null) {
            plain(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large");
            return;
        }
        WebhookIntake.Result result = intake.accept(appId, request.getHeader("X-Hub-Signature-256"), body);
        switch (result.outcome()) {
            case ACCEPTED -> plain(response, HttpServletResponse.SC_OK, "EVENT_RECEIVED " + result.events());
            case BAD_SIGNATURE -> plain(response, HttpServletResponse.SC_UNAUTHORIZED, result.detail());
            case MALFORMED -> plain(response, HttpServletResponse.SC_BAD_REQUEST, result.detail());
        }
    }

    /** The Meta app id: the single path segment after /webhooks/whatsapp/, digits only. */
    private static String appId(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            return null;
        }
        String id = path.substring(1);
        return id.length() <= 30 && id.chars().allMatch(c -> c >= '0' && c <= '9') ? id : null;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        byte[] buffer = new byte[16 * 1024];
        int total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > MAX_BODY_BYTES) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(text);
    }
}
