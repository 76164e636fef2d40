package nl.notaris.portal.dossier.parties;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import nl.notaris.portal.support.security.CallerToken;
import nl.notaris.portal.support.web.ProblemException;
import nl.notaris.portal.support.web.ServiceUnavailableException;

/**
 * Asks identity-service's {@code POST /internal/advisers} with the granting client's own token:
 * identity-service checks that a client asks. A refusal of the address (400, 409, 422) is passed on to
 * the client naming {@code email}; identity-service not answering, or refusing the call itself, is a
 * 503 for the client. Either way no grant is made.
 */
@Component
class IdentityServiceAdviserAccounts implements AdviserAccounts {

    private static final Logger log = LoggerFactory.getLogger(IdentityServiceAdviserAccounts.class);
    /** What identity-service answers about the address itself; anything else is on our side. */
    private static final Set<Integer> REFUSALS_OF_THE_ADDRESS = Set.of(400, 409, 422);

    private final RestClient identity;

    IdentityServiceAdviserAccounts(RestClient.Builder builder,
            @Value("${portal.identity-service-url}") String identityServiceUrl) {
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(2_000);
        requestFactory.setReadTimeout(5_000);
        this.identity = builder.baseUrl(identityServiceUrl).requestFactory(requestFactory).build();
    }

    @Override
    public AdviserAccount accountFor(AdviserInvitation invitation) {
        try {
            AdviserAccount account = identity.post()
                    .uri("/internal/advisers")
                    .headers(headers -> headers.setBearerAuth(CallerToken.required()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(invitation)
                    .retrieve()
                    .body(AdviserAccount.class);
            if (account == null || account.accountId() == null) {
                throw unavailable();
            }
            return account;
        } catch (HttpClientErrorException e) {
            if (REFUSALS_OF_THE_ADDRESS.contains(e.getStatusCode().value())) {
                throw new ProblemException(HttpStatus.valueOf(e.getStatusCode().value()), "email",
                        "This e-mail address cannot be given access.");
            }
            log.warn("identity-service refused to find or invite an adviser account: {}", e.getStatusCode());
            throw unavailable();
        } catch (RestClientException e) {
            log.warn("Could not ask identity-service for an adviser account: {}", e.getClass().getSimpleName());
            throw unavailable();
        }
    }

    private static ServiceUnavailableException unavailable() {
        return new ServiceUnavailableException("Access could not be given just now. Please try again.");
    }
}
