package nl.notaris.portal.support.data;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import com.mongodb.client.MongoClient;

/**
 * A MongoDB that does not answer costs a request seconds, not minutes: the driver gives up waiting
 * for a reply after {@code portal.mongodb.read-timeout} (by default it waits for ever, e.g. on a
 * paused server) and choosing a server after {@code portal.mongodb.server-selection-timeout} (the
 * driver's default is 30 s). Reads are not retried by the driver (a retry would wait once more for
 * the database that just failed to answer: the caller gets a 503 and tries again), and connections
 * are opened side by side rather than two at a time, so a request waits for at most one timeout,
 * not for the others' queued before it. {@link DatabaseCircuitBreaker} then answers at once while the
 * database stays away. Writes keep the driver's single retry, which makes a write that met a
 * replica-set election happen exactly once.
 */
@AutoConfiguration
@ConditionalOnClass(MongoClient.class)
public class DatabaseAvailabilityAutoConfiguration {

    /** Connections being opened at the same time (the driver's default is 2). */
    static final int MAX_CONNECTING = 16;

    @Bean
    MongoClientSettingsBuilderCustomizer mongoTimeouts(
            @Value("${portal.mongodb.server-selection-timeout:1s}") Duration serverSelection,
            @Value("${portal.mongodb.connect-timeout:2s}") Duration connect,
            @Value("${portal.mongodb.read-timeout:3s}") Duration read) {
        return settings -> settings
                .retryReads(false)
                .applyToConnectionPoolSettings(pool -> pool.maxConnecting(MAX_CONNECTING))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout(Math.toIntExact(connect.toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(read.toMillis()), TimeUnit.MILLISECONDS));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<DatabaseCircuitBreaker> databaseCircuitBreaker(
            @Value("${portal.mongodb.open-state:10s}") Duration openState) {
        var registration = new FilterRegistrationBean<>(new DatabaseCircuitBreaker(openState));
        // first of all: an open breaker answers before anything else touches the database
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
