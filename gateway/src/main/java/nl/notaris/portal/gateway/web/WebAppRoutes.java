package nl.notaris.portal.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web app's own routes (/dossiers/…, /mijn-gegevens, …) answer with index.html so that deep
 * links and reloads work; files, the API and the sign-in endpoints are left alone.
 */
@Configuration
class WebAppRoutes {

    @Bean
    RouterFunction<ServerResponse> webAppPages(@Value("classpath:/static/index.html") Resource indexHtml) {
        RequestPredicate appPage = GET("/**")
                .and(path("/api/**").negate())
                .and(path("/oauth2/**").negate())
                .and(path("/login/**").negate())
                .and(path("/logout").negate())
                .and(path("/actuator/**").negate())
                .and(request -> !request.path().substring(request.path().lastIndexOf('/') + 1).contains("."));
        return RouterFunctions.route(appPage, request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .bodyValue(indexHtml));
    }
}
