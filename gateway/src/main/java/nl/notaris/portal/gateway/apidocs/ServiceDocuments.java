package nl.notaris.portal.gateway.apidocs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service's own OpenAPI document, fetched when asked for and kept for the cache time. While a
 * service does not answer, the last document it gave is used however old; without one the service's
 * part is {@link Unavailable}.
 */
class ServiceDocuments {

    private static final Logger log = LoggerFactory.getLogger(ServiceDocuments.class);

    /** A part that cannot be had now: the area it describes. */
    static final class Unavailable extends RuntimeException {

        private final String area;

        Unavailable(String area, Throwable cause) {
            super("The API description of " + area + " cannot be fetched: " + cause.getMessage(), cause);
            this.area = area;
        }

        String area() {
            return area;
        }
    }

    private record Fetched(JsonNode document, Instant at) {
    }

    private final WebClient http;
    private final Duration cacheTtl;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();

    ServiceDocuments(WebClient http, Duration cacheTtl, Duration timeout, Clock clock) {
        this.http = http;
        this.cacheTtl = cacheTtl;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The document of one area, from the cache while it is fresh. */
    Mono<JsonNode> of(String area, URI url) {
        Fetched cached = cache.get(area);
        if (cached != null && cached.at().plus(cacheTtl).isAfter(clock.instant())) {
            return Mono.just(cached.document());
        }
        return http.get().uri(url).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(timeout)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("an empty answer")))
                .map(ServiceDocuments::openApi)
                .doOnNext(document -> cache.put(area, new Fetched(document, clock.instant())))
                .onErrorResume(failure -> {
                    Fetched stale = cache.get(area);
                    if (stale == null) {
                        return Mono.error(new Unavailable(area, failure));
                    }
                    log.warn("The API description of {} could not be fetched from {} ({}); using the one of {}", area, url,
                            failure.toString(), stale.at());
                    return Mono.just(stale.document());
                });
    }

    private static JsonNode openApi(String body) {
        JsonNode document = JsonMapper.shared().readTree(body);
        if (!document.path("openapi").isString() || !document.path("paths").isObject()) {
            throw new IllegalStateException("not an OpenAPI document");
        }
        return document;
    }
}
