package nl.notaris.portal.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The callers of the security tests, shaped like Keycloak's access tokens: a person, a company's
 * main account and its extra account, an unrelated client, and staff.
 */
public record TestCaller(String accountId, String email, String name, String accountType, String companyId,
        List<String> roles) {

    public static final TestCaller ANNA = new TestCaller("a1-anna", "anna@example.com", "Anna de Vries", "PERSON",
            null, List.of("client"));
    public static final TestCaller JANSEN_BV = new TestCaller("b1-jansen", "jansen.bv@example.com",
            "Bakkerij Jansen B.V.", "COMPANY_MAIN", "bakkerij-jansen", List.of("client", "company-admin"));
    public static final TestCaller PIET = new TestCaller("b2-piet", "piet@example.com", "Piet Jansen",
            "COMPANY_EXTRA", "bakkerij-jansen", List.of("client"));
    public static final TestCaller BOB = new TestCaller("c1-bob", "bob@example.com", "Bob Bakker", "PERSON", null,
            List.of("client"));
    public static final TestCaller STAFF = new TestCaller("s1-back-office", null, "service-account-back-office",
            null, null, List.of("staff"));

    public static List<TestCaller> clients() {
        return List.of(ANNA, JANSEN_BV, PIET, BOB);
    }

    public RequestPostProcessor token() {
        return jwt().jwt(token -> {
            token.subject(accountId).claim("name", name).claim("realm_access", Map.of("roles", roles));
            if (email != null) {
                token.claim("email", email);
            }
            if (accountType != null) {
                token.claim("account_type", accountType);
            }
            if (companyId != null) {
                token.claim("company_id", companyId);
            }
        }).authorities(roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    /**
     * A real bearer token ({@link TestTokens}) instead of a mocked authentication: for calls that pass
     * the caller's token on to another service, which must tell callers apart by it.
     */
    public RequestPostProcessor bearerToken() {
        return request -> {
            request.addHeader("Authorization", "Bearer test." + accountId);
            return request;
        };
    }

    /** The Authorization header line for a raw request, accepted by {@link TestTokens}. */
    public String bearer() {
        return "Authorization: Bearer test." + accountId + "\r\n";
    }

    public TestCaller withRoles(String... otherRoles) {
        return new TestCaller(accountId, email, name, accountType, companyId, Arrays.asList(otherRoles));
    }
}
