package nl.notaris.portal.keycloak.sms;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import org.jboss.logging.Logger;

/** Provider {@value #ID} of {@value SmsSenderSpi#NAME}; the default when no provider is chosen (higher {@link #order()}). */
public class MailDevSmsSenderFactory implements SmsSenderFactory {

    public static final String ID = "maildev";

    private static final Logger LOG = Logger.getLogger(MailDevSmsSenderFactory.class);

    @Override
    public SmsSender create(KeycloakSession session) {
        return new MailDevSmsSender(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        LOG.debugf("SMS provider '%s' available: texts are e-mailed to <number>@%s (local only; production: "
                + "--spi-portal-sms--provider=http)", ID, MailDevSmsSender.DOMAIN);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 1;
    }
}
