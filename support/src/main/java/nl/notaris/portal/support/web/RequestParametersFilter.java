package nl.notaris.portal.support.web;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.notaris.portal.support.problem.ProblemJson;

/**
 * Rejects query and form parameters that no person types before anything uses them: bytes that are
 * not UTF-8 and control characters (a NUL byte reaches MongoDB as an invalid regular expression or
 * the identity provider as an invalid query). Answers 400 naming the parameter. Multipart bodies
 * are left to the multipart resolver, whose failures the advice turns into a 400 as well.
 */
public class RequestParametersFilter extends OncePerRequestFilter {

    private static final Pattern CONTROL = TextFields.NOT_ALLOWED;
    private static final Pattern TOMCAT_PARAMETER = Pattern.compile("Parameter \\[([^\\]]{1,50})\\]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            // Tomcat names the parameter it could not decode; anything else in its message is not repeated
            String field = parameterOf(undecodable.getMessage());
            reject(response, field, "is not valid text (it must be UTF-8).");
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (CONTROL.matcher(name).find()) {
                reject(response, "parameter", "A parameter name contains a character that is not allowed.");
                return;
            }
            for (String value : parameter.getValue()) {
                if (value != null && CONTROL.matcher(value).find()) {
                    reject(response, name, "contains a character that is not allowed.");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    private static String parameterOf(String message) {
        Matcher matcher = TOMCAT_PARAMETER.matcher(message == null ? "" : message);
        return matcher.find() && matcher.group(1).matches("[A-Za-z0-9_.-]+") ? matcher.group(1) : "parameter";
    }

    private static void reject(HttpServletResponse response, String field, String message) throws IOException {
        ProblemJson.write(response, 400, "Invalid request",
                field.equals("parameter") ? message : field + " " + message, field);
    }
}
