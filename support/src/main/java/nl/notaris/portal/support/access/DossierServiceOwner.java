package nl.notaris.portal.support.access;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import nl.notaris.portal.support.web.ServiceUnavailableException;
import nl.notaris.portal.support.security.CallerToken;

/**
 * Asks dossier-service's internal access endpoint with the caller's own token, so dossier-service
 * applies the same rule: staff get any dossier, a client only one it may see.
 */
class DossierServiceOwner implements DossierOwner {

    private static final Logger log = LoggerFactory.getLogger(DossierServiceOwner.class);

    private final RestClient dossierService;

    DossierServiceOwner(RestClient.Builder builder, String dossierServiceUrl, Duration timeout) {
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(timeout);
        requestFactory.setReadTimeout(timeout);
        this.dossierService = builder.clone().baseUrl(dossierServiceUrl).requestFactory(requestFactory).build();
    }

    @Override
    public Optional<DossierAccess> fetch(String dossierId) {
        Optional<String> token = CallerToken.current();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            AccessAnswer answer = dossierService.get()
                    .uri("/internal/dossiers/{id}/access", dossierId)
                    .headers(headers -> headers.setBearerAuth(token.get()))
                    .retrieve()
                    .body(AccessAnswer.class);
            return Optional.ofNullable(answer)
                    .map(a -> DossierAccess.of(a.dossierId(), a.number(), a.parties(), a.grants(), a.version()));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw unavailable(dossierId, e);
        } catch (RestClientException e) {
            throw unavailable(dossierId, e);
        }
    }

    private static ServiceUnavailableException unavailable(String dossierId, Exception e) {
        log.warn("Could not ask dossier-service about dossier {}: {}", dossierId, e.getClass().getSimpleName());
        return new ServiceUnavailableException("The dossier could not be checked just now. Please try again.");
    }


    record AccessAnswer(String dossierId, String number, long version, List<DossierParty> parties, List<AccessGrant> grants) {
    }
}
