package nl.notaris.portal.dossier.events;

import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import nl.notaris.portal.dossier.dossier.Dossier;
import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.OutboxCollection;
import nl.notaris.portal.support.events.PendingEvent;

/**
 * The events of dossiers on {@code portal.dossiers.v1}, keyed by dossier id. They carry the
 * dossier's parties and revision, so that services keep their access replicas from them alone.
 */
@Configuration
public class DossierEvents {

    public static final String TOPIC = "portal.dossiers.v1";
    public static final String CREATED = "portal.dossier.created";
    public static final String CHANGED = "portal.dossier.changed";

    private final CloudEventFactory events;

    DossierEvents(CloudEventFactory events) {
        this.events = events;
    }

    public PendingEvent created(Dossier dossier) {
        return events.create(TOPIC, dossier.getId(), CREATED, "dossiers/" + dossier.getId(), data(dossier, List.of()));
    }

    public PendingEvent changed(Dossier dossier, Set<Dossier.Change> changes) {
        return events.create(TOPIC, dossier.getId(), CHANGED, "dossiers/" + dossier.getId(),
                data(dossier, changes.stream().map(Enum::name).sorted().toList()));
    }

    private static DossierEventData data(Dossier dossier, List<String> changes) {
        return new DossierEventData(dossier.getId(), dossier.getNumber(), dossier.getStatus().name(),
                dossier.getRevision(), dossier.getParties(), changes.isEmpty() ? null : changes);
    }

    record DossierEventData(String dossierId, String number, String status, long version, List<Party> parties,
            List<String> changes) {
    }

    @Bean
    OutboxCollection dossierOutbox() {
        return new OutboxCollection("dossiers");
    }

    @Bean
    NewTopic dossiersTopic() {
        return TopicBuilder.name(TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic dossiersDeadLetterTopic() {
        return TopicBuilder.name(TOPIC + ".dlt").partitions(1).build();
    }
}
