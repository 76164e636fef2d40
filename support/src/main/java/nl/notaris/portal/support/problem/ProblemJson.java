package nl.notaris.portal.support.problem;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem where no controller advice runs: the security filters (401, 403), the
 * request checks before them, the error page, Tomcat's own error reports and the database circuit
 * breaker. The same shape as the problem advice ({@code web.ProblemDetailsAdvice}) writes, so a caller
 * sees one format whatever rejected its request. A leaf: it knows none of support's other packages, so
 * {@code web}, {@code security} and {@code data} can all write problems without depending on each other.
 */
public final class ProblemJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        write(response, status, title, detail, null);
    }

    public static void write(HttpServletResponse response, int status, String title, String detail, String field)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, title, detail, field));
    }

    /** The problem as JSON, for a writer that is not a servlet response (Tomcat's error reports). */
    public static String body(int status, String title, String detail, String field) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null) {
            problem.put("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return JSON.writeValueAsString(problem);
    }
}
