package nl.notaris.portal.gateway.apidocs;

import java.net.URI;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff API in one OpenAPI document, {@value #DOCUMENT}, and its Swagger UI at {@code /api/docs/}:
 * merged on each request from the services' own documents (each cached, see {@link ServiceDocuments}).
 * Staff only (GatewaySecurityConfiguration). A service whose document cannot be had, and none is
 * cached, makes the description a 503 problem naming it, rather than a description without its part.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffApiDocsProperties.class)
class StaffApiDocs {

    private static final Logger log = LoggerFactory.getLogger(StaffApiDocs.class);

    static final String DOCUMENT = "/api/docs/staff.json";

    @Bean
    ServiceDocuments serviceDocuments(StaffApiDocsProperties settings) {
        var connector = new ReactorClientHttpConnector(HttpClient.create().responseTimeout(settings.timeout()));
        var http = WebClient.builder().clientConnector(connector)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
        return new ServiceDocuments(http, settings.cacheTtl(), settings.timeout(), Clock.systemUTC());
    }

    @Bean
    RouterFunction<ServerResponse> staffApiDocsRoutes(StaffApiDocsProperties settings, ServiceDocuments documents,
            ResourceLoader resources) {
        Resource page = new ClassPathResource("api-docs/index.html");
        Resource initializer = new ClassPathResource("api-docs/swagger-initializer.js");
        Resource swaggerUi = resources.getResource(settings.swaggerUi());
        URI uiAddress = URI.create(settings.serverUrl().toString().replaceAll("/+$", "") + "/api/docs/");
        return RouterFunctions.route()
                .GET(DOCUMENT, request -> document(settings, documents))
                .GET("/api/docs", request -> ServerResponse.temporaryRedirect(uiAddress).build())
                .GET("/api/docs/", request -> html(page))
                .GET("/api/docs/index.html", request -> html(page))
                .GET("/api/docs/swagger-initializer.js", request -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("text/javascript"))
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(initializer))
                .add(RouterFunctions.resources("/api/docs/**", swaggerUi))
                .build();
    }

    private static Mono<ServerResponse> html(Resource page) {
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(page);
    }

    static Mono<ServerResponse> document(StaffApiDocsProperties settings, ServiceDocuments documents) {
        return Flux.fromIterable(settings.sources().entrySet())
                .flatMapSequential(source -> documents.of(source.getKey(), source.getValue())
                        .map(document -> new StaffApiMerge.Part(source.getKey(), document)))
                .collectList()
                .flatMap(parts -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(JsonMapper.shared().writeValueAsBytes(StaffApiMerge.merge(parts, settings))))
                .onErrorResume(ServiceDocuments.Unavailable.class, unavailable -> {
                    log.warn(unavailable.getMessage());
                    return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .header("Retry-After", "10")
                            .bodyValue(problem(unavailable.area()));
                });
    }

    private static byte[] problem(String area) {
        var problem = JsonMapper.shared().createObjectNode()
                .put("type", "about:blank")
                .put("title", "Service unavailable")
                .put("status", 503)
                .put("detail", "The staff API's description of " + area + " cannot be fetched at the moment. "
                        + "Please try again shortly.")
                .put("instance", DOCUMENT);
        problem.putArray("unavailable").add(area);
        return JsonMapper.shared().writeValueAsBytes(problem);
    }
}
