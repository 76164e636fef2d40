package nl.notaris.portal.gateway.sessions;

import java.nio.charset.StandardCharsets;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import nl.notaris.portal.gateway.web.ProblemResponses;

import reactor.core.publisher.Mono;

/**
 * While the session store (MongoDB) does not answer, a browser request is answered 503 problem+json
 * within the driver's short timeouts instead of an error page or a hanging request. The store uses the
 * driver itself ({@link SessionStore}), so besides Spring's translated exception the driver's own
 * count: a timeout, a socket error, and a connection pool the driver paused after such an error
 * (every request that comes while it is paused fails with that at once).
 */
@Order(-2)
class SessionStoreUnavailable implements WebExceptionHandler {

    private static final byte[] PROBLEM = """
            {"type":"about:blank","title":"Service unavailable","status":503,\
            "detail":"The portal cannot reach its session store at the moment. Please try again shortly."}"""
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!(error instanceof DataAccessResourceFailureException || error instanceof MongoTimeoutException
                || error instanceof MongoSocketException || error instanceof MongoConnectionPoolClearedException)
                || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, PROBLEM);
    }
}
