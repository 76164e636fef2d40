package nl.notaris.portal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

/** What the filters above a stop put in the context (the signed-in user, the trace) still reaches those below it. */
class ContextStopsTest {

    private final ContextStops stops = new ContextStops();
    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/me"));
    private final AtomicReference<String> seenBelow = new AtomicReference<>();

    private Mono<Void> readingTheContext() {
        return Mono.deferContextual(context -> {
            seenBelow.set(context.getOrDefault("account", "none"));
            return Mono.empty();
        });
    }

    @Test
    void theWebFilterStopPassesTheContextOn() {
        stops.contextStopBeforeTheHandler().filter(exchange, e -> readingTheContext())
                .contextWrite(context -> context.put("account", "acc-1")).block();

        assertThat(seenBelow).hasValue("acc-1");
    }

    @Test
    void theRouteFilterStopPassesTheContextOn() {
        stops.contextStopBeforeTheRouteFilters().filter(exchange, e -> readingTheContext())
                .contextWrite(context -> context.put("account", "acc-2")).block();

        assertThat(seenBelow).hasValue("acc-2");
    }
}
