package nl.notaris.portal.gateway.web;

import java.time.Duration;
import java.util.Arrays;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.ResourceHandlerRegistrationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The web app's files. Vite names every file under {@code /assets/} after its content
 * ({@code index-Bn1Mgsxp.js}), so a browser keeps them for a year without asking again; a new build
 * links new names from {@code index.html}, which is asked for every time ({@code no-cache}: Spring
 * Boot's handler of the other files, set in {@code spring.web.resources.cache}, and
 * {@link WebAppRoutes}). Every handler sends the web build's brotli or gzip copy to a browser that
 * accepts it ({@link PrecompressedFiles}). Spring Security writes its {@code no-store} only on answers
 * without a Cache-Control of their own, so it stays on the API's answers.
 */
@Configuration
class StaticFiles implements WebFluxConfigurer {

    static final String HASHED = "/assets/**";
    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final String[] locations;

    StaticFiles(WebProperties web) {
        this.locations = Arrays.stream(web.getResources().getStaticLocations())
                .map(location -> (location.endsWith("/") ? location : location + "/") + "assets/")
                .toArray(String[]::new);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        PrecompressedFiles.chain(registry.addResourceHandler(HASHED).addResourceLocations(locations)
                .setCacheControl(IMMUTABLE));
    }

    /** The same for Spring Boot's handlers: the other files of the web app, and the Swagger UI's. */
    @Bean
    static ResourceHandlerRegistrationCustomizer precompressedFiles() {
        return PrecompressedFiles::chain;
    }
}
