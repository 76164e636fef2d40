package nl.notaris.portal.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The same token, or the same refusal, as Spring Security's resolver with its defaults. */
class AuthorizationHeaderTokensTest {

    static List<String> headers() {
        return Arrays.asList(null, "", "Basic dXNlcjpwYXNz", "Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl",
                "bearer abc", "BEARER abc", "bEaReR abc", "Bearer abc==", "Bearer abc=", "Bearer a=b", "Bearer ==",
                "Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc ", "Bearer abc\n", "Bearer a\u00e9b",
                "Bearer -._~+/09azAZ", "Bearer a,b", "Bearer\tabc", "Bearers abc", "Token abc", "bearer", "Bear abc",
                "Bearer a%2Fb", "Bearer \u212a", "Bearer abc=x=", " Bearer abc");
    }

    @ParameterizedTest
    @MethodSource("headers")
    void answersAsSpringSecuritysResolver(String header) {
        assertThat(outcome(new AuthorizationHeaderTokens(), header)).isEqualTo(outcome(new DefaultBearerTokenResolver(), header));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void aTokenParameterIsNotRead(String header) {
        var request = request(header);
        request.setParameter("access_token", "from-the-query");
        request.setQueryString("access_token=from-the-query");

        assertThat(outcome(new AuthorizationHeaderTokens(), request))
                .isEqualTo(outcome(new DefaultBearerTokenResolver(), request))
                .isNotEqualTo("token from-the-query");
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        return outcome(resolver, request(header));
    }

    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String header) {
        var request = new MockHttpServletRequest("GET", "/api/me");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        return request;
    }
}
