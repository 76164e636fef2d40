package nl.notaris.portal.notification.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends an event's e-mail to a recipient once (NOT-3): a redelivered event, or the retry of a batch
 * that failed half-way, mails only those not mailed yet. A crash between sending and recording can
 * still hand the SMTP server the same mail twice (a lost mail is worse than a repeated one); both
 * carry the same Message-ID, made from the event and the address, so the recipient's mailbox keeps
 * one. The sender is the office: {@code portal.mail.from} with the display name {@code portal.mail.from-name}
 * ("Notariskantoor &lt;portaal@notaris.example&gt;"). Logs ids only, never an address or the content.
 */
@Component
public class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final JavaMailSender sender;
    private final MongoTemplate mongo;
    private final String from;
    private final String fromName;
    private final Clock clock;

    NotificationMailer(JavaMailSender sender, MongoTemplate mongo, @Value("${portal.mail.from}") String from,
            @Value("${portal.mail.from-name:}") String fromName, Clock clock) {
        this.sender = sender;
        this.mongo = mongo;
        this.from = from;
        this.fromName = fromName == null ? "" : fromName.strip();
        this.clock = clock;
    }

    /** Sends unless this event's mail already went to this address; returns whether it sent. */
    public boolean sendOnce(String eventId, String accountId, String email, MailContent content) {
        String id = SentNotification.idOf(eventId, email);
        if (mongo.findById(id, SentNotification.class) != null) {
            log.debug("Mail for event {} to account {} was already sent", eventId, accountId);
            return false;
        }
        send(eventId, accountId, email, messageIdOf(id), content);
        try {
            mongo.insert(new SentNotification(id, eventId, accountId, Instant.now(clock)));
        } catch (DuplicateKeyException sentConcurrently) {
            // another instance handled the same event at the same time
        }
        log.info("Sent mail for event {} to account {}", eventId, accountId);
        return true;
    }

    /** The same for every attempt at one event's mail to one address; the sender keeps an id set beforehand. */
    private String messageIdOf(String sentNotificationId) {
        String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim();
        return "<" + HexFormat.of().formatHex(sha256(sentNotificationId), 0, 20) + "@" + domain + ">";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String eventId, String accountId, String email, String messageId, MailContent content) {
        try {
            MimeMessage message = sender.createMimeMessage();
            message.setHeader("Message-ID", messageId);
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            if (fromName.isEmpty()) {
                helper.setFrom(from);
            } else {
                helper.setFrom(from, fromName);
            }
            helper.setTo(email);
            helper.setSubject(content.subject());
            helper.setText(content.text(), content.html());
            if (content.unsubscribe() != null) {
                message.setHeader("List-Unsubscribe", "<" + content.unsubscribe() + ">");
            }
            sender.send(message);
        } catch (MessagingException | MailException | UnsupportedEncodingException e) {
            throw new NotificationNotSentException(eventId, accountId, e);
        }
    }
}
