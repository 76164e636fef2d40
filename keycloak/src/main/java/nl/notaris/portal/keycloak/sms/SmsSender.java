package nl.notaris.portal.keycloak.sms;

import org.keycloak.provider.Provider;

/**
 * Sends a text message. Providers of the SPI {@value SmsSenderSpi#NAME}: {@code maildev} (local sink,
 * the text goes to MailDev as an e-mail) and {@code http} (an HTTP SMS provider). Which one Keycloak
 * uses: {@code --spi-portal-sms--provider=http}; without it {@code maildev}.
 */
public interface SmsSender extends Provider {

    /**
     * @param e164Number the recipient, e.g. {@code +31612345678}
     * @param text the whole message
     * @throws SmsNotSentException when the message was not accepted; its message never contains the text
     */
    void send(String e164Number, String text) throws SmsNotSentException;

    @Override
    default void close() {
    }
}
