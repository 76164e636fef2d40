package nl.notaris.portal.support.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 from the security filters as RFC 9457 problem details, like every other error;
 * the body says only what the status says.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s"}""".formatted(title, status, detail));
    }
}
