package nl.notaris.portal.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import io.netty.channel.Channel;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import reactor.core.publisher.Flux;
import reactor.netty.Connection;

/** The request goes on from the loaded sign-in on its own connection's event loop, with the same sign-in. */
class RegisteringSecurityContextRepositoryTest {

    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(1);
    private final RegisteringSecurityContextRepository repository =
            new RegisteringSecurityContextRepository(mock(MongoOidcSessionRegistry.class));

    @AfterEach
    void stopLoops() {
        loops.shutdownGracefully().syncUninterruptibly();
    }

    @Test
    void theSignInIsHandedOnOnTheConnectionsEventLoop() {
        Channel channel = new LocalChannel();
        loops.register(channel).syncUninterruptibly();

        ServerWebExchange exchange = signedIn(onConnection(Connection.from(channel)));
        var handedOn = repository.load(exchange)
                .map(context -> context.getAuthentication().getName() + " " + channel.eventLoop().inEventLoop()).block();

        assertThat(handedOn).isEqualTo("client-1 true");
    }

    @Test
    void withoutAConnectionTheSignInIsHandedOnWhereItWasRead() {
        ServerWebExchange exchange = signedIn(MockServerHttpRequest.get("/api/me").build());
        Thread caller = Thread.currentThread();

        var handedOn = repository.load(exchange)
                .map(context -> context.getAuthentication().getName() + " " + (Thread.currentThread() == caller)).block();

        assertThat(handedOn).isEqualTo("client-1 true");
    }

    private static ServerWebExchange signedIn(ServerHttpRequest request) {
        MockWebSession session = new MockWebSession();
        session.getAttributes().put(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME,
                new SecurityContextImpl(new TestingAuthenticationToken("client-1", null, "ROLE_client")));
        return MockServerWebExchange.builder(MockServerHttpRequest.get("/api/me").build()).session(session).build()
                .mutate().request(request).build();
    }

    /** A request of the HTTP server whose native request is the connection, as Reactor Netty's are. */
    private static ServerHttpRequest onConnection(Connection connection) {
        return new AbstractServerHttpRequest(HttpMethod.GET, URI.create("/api/me"), null, new HttpHeaders()) {

            @Override
            protected MultiValueMap<String, HttpCookie> initCookies() {
                return new LinkedMultiValueMap<>();
            }

            @Override
            protected SslInfo initSslInfo() {
                return null;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getNativeRequest() {
                return (T) connection;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.empty();
            }
        };
    }
}
