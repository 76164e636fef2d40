package nl.notaris.portal.keycloak.sms;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI {@value #NAME}: options {@code --spi-portal-sms--provider=...} and {@code --spi-portal-sms--<provider>--<option>=...}. */
public class SmsSenderSpi implements Spi {

    public static final String NAME = "portal-sms";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return SmsSender.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SmsSenderFactory.class;
    }
}
