package nl.notaris.portal.gateway.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * How long the gateway waits for a service's answer to begin (its status and headers) once the request has gone
 * out, an upload's body included: {@code portal.answer-timeout}, or a route's {@code answer-timeout} metadata (ms).
 * The body that follows, however long it streams, is not limited; a service that does not begin in time is a 504.
 * <p>
 * The wait is a timer on the connection's own event loop. The gateway's {@code response-timeout} would put a
 * Reactor {@code timeout} around every call instead, whose timers live on Reactor's parallel scheduler: two
 * wake-ups of another thread per call (one to arm the timer, one to arm it again for the next item), a sixth
 * of the gateway's thread switches per call.
 */
@Configuration(proxyBeanMethods = false)
class AnswerTimeouts {

    private static final String METADATA = "answer-timeout";
    private static final String HANDLER = "portal.answerTimeout";
    private static final Object LIMIT = AnswerTimeouts.class;

    @Bean
    HttpClientCustomizer answerTimeout(@Value("${portal.answer-timeout:10s}") Duration limit) {
        return client -> withAnswerTimeout(client, limit);
    }

    @Bean
    GlobalFilter routeAnswerTimeout() {
        return new RouteAnswerTimeout();
    }

    private static HttpClient withAnswerTimeout(HttpClient client, Duration limit) {
        return client
                .doAfterRequest((request, connection) -> connection.addHandlerFirst(HANDLER, new ReadTimeoutHandler(
                        request.currentContextView().getOrDefault(LIMIT, limit).toMillis(), TimeUnit.MILLISECONDS)))
                .doOnResponse((response, connection) -> connection.removeHandler(HANDLER));
    }

    /** Right before the proxied call: the route's own limit, and the 504 when a limit has passed. */
    private static final class RouteAnswerTimeout implements GlobalFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            Mono<Void> call = chain.filter(exchange).onErrorMap(ReadTimeoutException.class,
                    e -> new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "The service did not answer in time", e));
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            Object millis = route == null ? null : route.getMetadata().get(METADATA);
            return millis == null ? call
                    : call.contextWrite(context -> context.put(LIMIT, Duration.ofMillis(Long.parseLong(millis.toString()))));
        }

        @Override
        public int getOrder() {
            return NettyRoutingFilter.ORDER - 1;
        }
    }
}
