package nl.notaris.portal.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import nl.notaris.portal.testsupport.MovingClock;

/** Against a real SMTP server (GreenMail): the connections the sender opens, keeps, replaces and closes. */
class ConnectionKeepingMailSenderTest {

    private static final Duration KEEP_OPEN = Duration.ofSeconds(10);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private GreenMail smtp;
    private ConnectionKeepingMailSender sender;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        JavaMailSenderImpl configured = new JavaMailSenderImpl();
        configured.setHost("127.0.0.1");
        configured.setPort(smtp.getSmtp().getPort());
        sender = new ConnectionKeepingMailSender(configured, KEEP_OPEN, clock) {
            @Override
            protected Transport connectTransport() throws MessagingException {
                connectionsOpened.incrementAndGet();
                return super.connectTransport();
            }
        };
    }

    @AfterEach
    void stop() {
        sender.destroy();
        smtp.stop();
    }

    @Test
    void sendsOneMailAfterTheOtherOverOneConnection() throws Exception {
        for (int i = 1; i <= 3; i++) {
            sender.send(mail("Mail " + i));
            clock.advance(Duration.ofSeconds(2));
        }

        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("Mail 1", "Mail 2", "Mail 3");
        assertThat(connectionsOpened).hasValue(1);
        assertThat(sender.idleConnections()).isEqualTo(1);
    }

    @Test
    void keepsTheMessageIdTheMailerGaveIt() throws Exception {
        MimeMessage mail = mail("With id");
        mail.setHeader("Message-ID", "<abc123@notaris.example>");

        sender.send(mail);

        assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo("<abc123@notaris.example>");
    }

    @Test
    void closesAConnectionUnusedForLongerThanItKeepsThem() throws Exception {
        sender.send(mail("First"));
        clock.advance(KEEP_OPEN);
        sender.closeIdle();
        assertThat(sender.idleConnections()).as("unused for exactly the time it keeps them").isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        sender.closeIdle();
        assertThat(sender.idleConnections()).isZero();

        sender.send(mail("Second"));
        assertThat(connectionsOpened).hasValue(2);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void opensANewConnectionWhenTheServerClosedTheKeptOne() throws Exception {
        sender.send(mail("Before the restart"));
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        sender.send(mail("After the restart"));

        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("After the restart");
        assertThat(connectionsOpened).hasValue(2);
    }

    @Test
    void aServerThatIsDownFailsTheMailAndNothingIsKept() throws Exception {
        smtp.stop();

        assertThatThrownBy(() -> sender.send(mail("Nobody listens"))).isInstanceOf(MailSendException.class)
                .hasMessageContaining("Mail server connection failed");
        assertThat(sender.idleConnections()).isZero();
    }

    private MimeMessage mail(String subject) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom("portaal@notaris.example");
        helper.setTo("client@example.com");
        helper.setSubject(subject);
        helper.setText("Er staat een nieuw document voor u klaar.");
        return message;
    }
}
