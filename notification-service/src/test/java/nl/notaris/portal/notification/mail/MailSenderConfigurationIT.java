package nl.notaris.portal.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.notaris.portal.notification.MailIntegrationTest;

class MailSenderConfigurationIT extends MailIntegrationTest {

    @Test
    void theServiceSendsOverConnectionsItKeepsOpen() {
        assertThat(mailSender).isInstanceOf(ConnectionKeepingMailSender.class);
    }
}
