package nl.notaris.portal.messaging.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many files one message may carry ({@code portal.messages.max-attachments}, default 10). */
@ConfigurationProperties("portal.messages")
public record AttachmentLimits(Integer maxAttachments) {

    public AttachmentLimits {
        maxAttachments = maxAttachments == null ? 10 : maxAttachments;
    }
}
