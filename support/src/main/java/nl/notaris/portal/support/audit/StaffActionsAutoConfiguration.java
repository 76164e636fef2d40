package nl.notaris.portal.support.audit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.EventsAutoConfiguration;

/**
 * The records of staff actions ({@code portal.staff-actions.v1}), built alike in every service that
 * publishes events. Here rather than in {@link EventsAutoConfiguration}: audit builds on events, never
 * the other way round.
 */
@AutoConfiguration(after = EventsAutoConfiguration.class)
@ConditionalOnBean(CloudEventFactory.class)
public class StaffActionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StaffActions staffActions(CloudEventFactory events, Clock clock) {
        return new StaffActions(events, clock);
    }
}
