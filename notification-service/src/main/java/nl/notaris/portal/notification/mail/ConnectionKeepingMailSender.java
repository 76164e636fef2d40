package nl.notaris.portal.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail sender Spring Boot configures ({@code spring.mail.*}), keeping its SMTP connections open between
 * mails for {@code keepOpen}: a connection, its greeting, TLS and login cost more than a mail (MailDev waits
 * 100 ms before it greets, as many mail servers do), and mails come in bursts. A kept connection is asked
 * whether it still lives (NOOP) before it is used; one that failed is closed. Connections idle longer than
 * {@code keepOpen} are closed, well before a mail server's own idle timeout (minutes).
 */
class ConnectionKeepingMailSender extends JavaMailSenderImpl implements DisposableBean {

    private static final String HEADER_MESSAGE_ID = "Message-ID";

    private final Duration keepOpen;
    private final Clock clock;
    /** The open connections not in use, the last used first. */
    private final BlockingDeque<IdleConnection> idle = new LinkedBlockingDeque<>();
    private final ScheduledExecutorService closer;

    ConnectionKeepingMailSender(JavaMailSenderImpl configured, Duration keepOpen, Clock clock) {
        setSession(configured.getSession());
        setProtocol(configured.getProtocol());
        setHost(configured.getHost());
        setPort(configured.getPort());
        setUsername(configured.getUsername());
        setPassword(configured.getPassword());
        setDefaultEncoding(configured.getDefaultEncoding());
        setDefaultFileTypeMap(configured.getDefaultFileTypeMap());
        this.keepOpen = keepOpen;
        this.clock = clock;
        this.closer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("smtp-idle-closer").daemon().factory());
        long every = Math.max(1, keepOpen.toMillis() / 2);
        closer.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
    }

    /** As {@link JavaMailSenderImpl}: each message that fails is in the exception, the others went. */
    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) {
        Object[] sent = originals != null ? originals : messages;
        Map<Object, Exception> failed = new LinkedHashMap<>();
        for (int i = 0; i < messages.length; i++) {
            Transport connection;
            try {
                connection = connection();
            } catch (AuthenticationFailedException e) {
                throw new MailAuthenticationException(e);
            } catch (MessagingException e) {
                for (int j = i; j < messages.length; j++) {
                    failed.put(sent[j], e);
                }
                throw new MailSendException("Mail server connection failed", e, failed);
            }
            try {
                send(connection, messages[i]);
                idle.addFirst(new IdleConnection(connection, clock.instant()));
            } catch (MessagingException | RuntimeException e) {
                close(connection);
                failed.put(sent[i], e);
            }
        }
        if (!failed.isEmpty()) {
            throw new MailSendException(failed);
        }
    }

    private static void send(Transport connection, MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        // saving the changes gives the message a new id: the one set beforehand stays (NotificationMailer's)
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader(HEADER_MESSAGE_ID, messageId);
        }
        Address[] recipients = message.getAllRecipients();
        connection.sendMessage(message, recipients != null ? recipients : new Address[0]);
    }

    /** The last used open connection that still answers, or a new one. */
    private Transport connection() throws MessagingException {
        for (IdleConnection kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
            if (kept.connection().isConnected()) {
                return kept.connection();
            }
            close(kept.connection());
        }
        return connectTransport();
    }

    /** Closes the connections unused for longer than {@code keepOpen}. */
    void closeIdle() {
        Instant before = clock.instant().minus(keepOpen);
        for (IdleConnection oldest = idle.peekLast(); oldest != null && oldest.since().isBefore(before);
                oldest = idle.peekLast()) {
            if (idle.removeLastOccurrence(oldest)) {
                close(oldest.connection());
            }
        }
    }

    /** The connections now open and unused. */
    int idleConnections() {
        return idle.size();
    }

    @Override
    public void destroy() {
        closer.shutdownNow();
        for (IdleConnection kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
            close(kept.connection());
        }
    }

    private static void close(Transport connection) {
        try {
            connection.close();
        } catch (MessagingException | RuntimeException e) {
            // gone already: nothing to close
        }
    }

    private record IdleConnection(Transport connection, Instant since) {
    }
}
