package nl.notaris.portal.gateway.apidocs;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff API description: its title and version, the address tools call, where they get their
 * token, and each service's own OpenAPI document by area name ({@code portal.api-docs.sources}, in
 * the order of the merged document).
 */
@ConfigurationProperties("portal.api-docs")
record StaffApiDocsProperties(String title, String version, URI serverUrl, URI tokenUrl, Duration cacheTtl,
        Duration timeout, String swaggerUi, Map<String, URI> sources) {
}
