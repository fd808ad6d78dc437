package dev.tandem.platform.api;

import dev.tandem.domain.JsonDocuments;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error pages (401 from authentication, 403 from a security constraint, 404, 405,
 * 500 outside JAX-RS): problem+json under /api, a short HTML page elsewhere. The authentication
 * mechanism leaves its reason in {@link #DETAIL}.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

    public static final String DETAIL = ErrorPageServlet.class.getName() + ".detail";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = response.getStatus();
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer c) {
            status = c;
        }
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String title = switch (status) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "Error";
        };
        Object detail = request.getAttribute(DETAIL);
        response.setStatus(status);
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(JsonDocuments.object()
                    .add("type", "urn:tandem:problem:" + title.toLowerCase().replace(' ', '-'))
                    .add("title", title)
                    .add("status", status)
                    .add("detail", detail == null ? title + "." : detail.toString())
                    .add("errors", JsonDocuments.array())
                    .build().toString());
        } else {
            response.setCharacterEncoding("UTF-8");
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                    + " · Tandem</title></head><body><h1>" + status + " " + title
                    + "</h1><p><a href=\"/console/\">Tandem console</a></p></body></html>");
        }
    }
}
