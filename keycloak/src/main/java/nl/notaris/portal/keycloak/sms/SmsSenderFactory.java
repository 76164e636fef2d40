package nl.notaris.portal.keycloak.sms;

import org.keycloak.provider.ProviderFactory;

public interface SmsSenderFactory extends ProviderFactory<SmsSender> {
}
