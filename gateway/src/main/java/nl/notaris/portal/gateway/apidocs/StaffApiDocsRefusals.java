package nl.notaris.portal.gateway.apidocs;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import nl.notaris.portal.gateway.web.ProblemResponses;

/** The staff API's description is for staff only: the problem answers of everybody else. */
public final class StaffApiDocsRefusals {

    /** The description, its Swagger UI and the UI's files. */
    public static final ServerWebExchangeMatcher PAGES = ServerWebExchangeMatchers.pathMatchers("/api/docs", "/api/docs/**");

    private static final byte[] UNAUTHORIZED = """
            {"type":"about:blank","title":"Unauthorized","status":401,"detail":"Send a bearer token of the \
            back-office client, or sign in to the office workspace, to read the staff API's description."}"""
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] FORBIDDEN = """
            {"type":"about:blank","title":"Forbidden","status":403,"detail":"The staff API's description is for \
            the office's staff only."}""".getBytes(StandardCharsets.UTF_8);

    private StaffApiDocsRefusals() {
    }

    public static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, UNAUTHORIZED);
        };
    }

    public static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, FORBIDDEN);
    }
}
