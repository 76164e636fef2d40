package nl.notaris.portal.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;

/** The driver's errors of a session store that does not answer are a 503 problem with Retry-After; others are not. */
class SessionStoreUnavailableTest {

    final SessionStoreUnavailable handler = new SessionStoreUnavailable();

    @Test
    void theDriversUnavailableErrorsAre503() {
        ServerAddress address = new ServerAddress("localhost", 27017);
        for (Throwable error : new Throwable[] { new MongoTimeoutException("timed out"),
                new MongoSocketReadException("closed", address),
                new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), address),
                        new MongoSocketReadException("closed", address)) }) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/dossiers"));
            handler.handle(exchange, error).block();
            assertThat(exchange.getResponse().getStatusCode().value()).as(error.getClass().getSimpleName()).isEqualTo(503);
            assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("10");
            assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":503");
        }
    }

    @Test
    void anyOtherErrorIsLeftToTheNextHandler() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/dossiers"));
        assertThatThrownBy(() -> handler.handle(exchange, new IllegalStateException("bug")).block())
                .isInstanceOf(IllegalStateException.class);
    }
}
