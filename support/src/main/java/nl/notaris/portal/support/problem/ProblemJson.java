package nl.notaris.portal.support.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem where no controller advice runs: the security filters (401, 403), the
 * request checks before them, the error page and Tomcat's own error reports. The same shape as
 * {@link ProblemDetailsAdvice} writes, so a caller sees one format whatever rejected its request.
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

    /** A problem a person sees in the web app: with its code and parameters (see {@link ProblemException}). */
    public static void write(HttpServletResponse response, ProblemException problem) throws IOException {
        response.setStatus(problem.status().value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(problem.status().value(), problem.status().getReasonPhrase(), problem.getMessage(),
                problem.field(), problem.code(), problem.params()));
    }

    static String body(int status, String title, String detail, String field) {
        return body(status, title, detail, field, null, Map.of());
    }

    static String body(int status, String title, String detail, String field, String code, Map<String, String> params) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (code != null) {
            problem.put("code", code);
            problem.put("params", params);
        }
        if (field != null) {
            problem.put("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return JSON.writeValueAsString(problem);
    }
}
