package nl.notaris.portal.notification.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Handles the events of one topic that {@link NotificationEventsListener} reads. */
public interface TopicHandler {

    String topic();

    void handle(ConsumerRecord<String, String> record);
}
