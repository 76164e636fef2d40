package nl.notaris.portal.support.data;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.notaris.portal.support.problem.ProblemJson;

/**
 * When MongoDB does not answer, requests fail fast: the first ones within the driver's short
 * timeouts (see {@link DatabaseAvailabilityAutoConfiguration}), answered 503 by the problem advice,
 * which marks the request; once half of the recent requests failed so, the breaker opens and every
 * request is answered 503 at once, without waiting for the database, until a few trial requests
 * after {@code waitInOpenState} succeed again. Nothing is half-written: each change is one document
 * write, made or not.
 */
public class DatabaseCircuitBreaker extends OncePerRequestFilter {

    /** Request attribute set by the problem advice when a request failed because the database did not answer. */
    public static final String DATABASE_FAILED = DatabaseCircuitBreaker.class.getName() + ".failed";
    static final String DETAIL = "The database does not answer at the moment. Please try again shortly.";

    private final CircuitBreaker breaker;
    private final long retryAfterSeconds;

    public DatabaseCircuitBreaker(Duration waitInOpenState) {
        this.retryAfterSeconds = Math.max(1, waitInOpenState.toSeconds());
        this.breaker = CircuitBreaker.of("database", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(waitInOpenState)
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!breaker.tryAcquirePermission()) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            ProblemJson.write(response, 503, "Service unavailable", DETAIL);
            return;
        }
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long took = System.nanoTime() - started;
            if (request.getAttribute(DATABASE_FAILED) != null) {
                breaker.onError(took, TimeUnit.NANOSECONDS, new DataAccessResourceFailureException(DETAIL));
            } else {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            }
        }
    }
}
