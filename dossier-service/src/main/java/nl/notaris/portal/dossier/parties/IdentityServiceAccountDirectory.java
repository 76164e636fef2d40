package nl.notaris.portal.dossier.parties;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import nl.notaris.portal.support.security.CallerToken;

/**
 * Looks accounts up at identity-service with the staff caller's own token: only staff edit parties,
 * and identity-service checks that role again.
 */
@Component
class IdentityServiceAccountDirectory implements AccountDirectory {

    private final RestClient identity;

    IdentityServiceAccountDirectory(RestClient.Builder builder,
            @Value("${portal.identity-service-url}") String identityServiceUrl) {
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(2_000);
        requestFactory.setReadTimeout(5_000);
        this.identity = builder.baseUrl(identityServiceUrl).requestFactory(requestFactory).build();
    }

    @Override
    public Optional<Party> findByEmail(String email) {
        try {
            AccountView account = identity.get()
                    .uri(uri -> uri.path("/api/staff/accounts/lookup").queryParam("email", email).build())
                    .headers(headers -> headers.setBearerAuth(CallerToken.required()))
                    .retrieve()
                    .body(AccountView.class);
            return Optional.ofNullable(account)
                    .map(a -> new Party(a.id(), a.email(), a.accountType(), a.companyId(), blankToNull(a.name())));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String blankToNull(String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }

    /** identity-service's {@code LookedUpAccount}: name is the person's name or, for a company main account, the company's. */
    record AccountView(String id, String email, String name, String accountType, String companyId) {
    }
}
