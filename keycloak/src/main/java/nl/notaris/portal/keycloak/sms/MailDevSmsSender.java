package nl.notaris.portal.keycloak.sms;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The local sink: a text message becomes an e-mail with subject {@value #SUBJECT} to
 * {@code <number without +>@sms.localhost}, sent through the realm's SMTP settings (MailDev locally),
 * so that people and tests read the texts in MailDev.
 */
public class MailDevSmsSender implements SmsSender {

    public static final String SUBJECT = "SMS";
    public static final String DOMAIN = "sms.localhost";

    private final KeycloakSession session;

    public MailDevSmsSender(KeycloakSession session) {
        this.session = session;
    }

    /** {@code +31612345678} → {@code 31612345678@sms.localhost}. */
    public static String address(String e164Number) {
        return e164Number.replace("+", "") + "@" + DOMAIN;
    }

    @Override
    public void send(String e164Number, String text) throws SmsNotSentException {
        RealmModel realm = session.getContext().getRealm();
        try {
            session.getProvider(EmailSenderProvider.class)
                    .send(realm.getSmtpConfig(), address(e164Number), SUBJECT, text, null);
        } catch (EmailException | RuntimeException e) {
            throw new SmsNotSentException("The SMTP server did not take the e-mail: " + e.getClass().getSimpleName(), e);
        }
    }
}
