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
 * A MongoDB that does not answer costs a request seconds, not minutes: the driver gives up choosing
 * a server after {@code portal.mongodb.server-selection-timeout} (the driver's default is 30 s) and
 * waiting for a reply after {@code portal.mongodb.read-timeout} (by default it waits for ever, e.g.
 * on a paused server); {@link DatabaseCircuitBreaker} then answers at once while it stays away.
 */
@AutoConfiguration
@ConditionalOnClass(MongoClient.class)
public class DatabaseAvailabilityAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer mongoTimeouts(
            @Value("${portal.mongodb.server-selection-timeout:2s}") Duration serverSelection,
            @Value("${portal.mongodb.connect-timeout:2s}") Duration connect,
            @Value("${portal.mongodb.read-timeout:4s}") Duration read) {
        return settings -> settings
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
