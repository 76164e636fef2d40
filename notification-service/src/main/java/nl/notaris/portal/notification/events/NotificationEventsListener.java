package nl.notaris.portal.notification.events;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import nl.notaris.portal.notification.config.ConsumedTopics;

/**
 * The one listener of this service's consumer group for the topics whose events become e-mails: it hands
 * each record to its topic's {@link TopicHandler}. One listener container of three consumers
 * ({@code spring.kafka.listener.concurrency}) instead of three per topic: 18 consumers, each a thread that
 * fetches twice a second while idle, made the service start slower and hold more memory. Range assignment
 * (Kafka's default) gives consumer i partition i of every topic, and a dossier's events have the same
 * partition on each topic keyed by dossier id, so a slow mail server answer still holds up the dossiers of one
 * partition only. A failing record is retried and then parked on {@code <topic>.dlt} by support's error handler.
 */
@Component
class NotificationEventsListener {

    private final Map<String, TopicHandler> handlers;

    NotificationEventsListener(List<TopicHandler> handlers) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(TopicHandler::topic, Function.identity()));
    }

    @KafkaListener(topics = { ConsumedTopics.ACCESS, ConsumedTopics.ACCOUNTS, ConsumedTopics.DOCUMENTS,
            ConsumedTopics.DOCUMENT_DIGESTS, ConsumedTopics.MESSAGES, ConsumedTopics.QUESTIONNAIRES })
    void on(ConsumerRecord<String, String> record) {
        TopicHandler handler = handlers.get(record.topic());
        if (handler == null) {
            throw new IllegalStateException("No handler for topic " + record.topic());
        }
        handler.handle(record);
    }
}
