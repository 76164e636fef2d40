package nl.notaris.portal.keycloak.twofactor;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * The text message with the code, in the account's language (user attribute {@code locale} when the
 * realm supports it, else the realm's default, else Dutch); worded in the login theme
 * ({@value #MESSAGE_KEY}).
 */
public final class SmsText {

    public static final String MESSAGE_KEY = "portalSmsText";
    static final String FALLBACK = "Uw verificatiecode voor het klantenportaal is {0}. De code is 5 minuten geldig.";

    private SmsText() {
    }

    public static String forUser(KeycloakSession session, RealmModel realm, UserModel user, String code) {
        Locale locale = language(user.getFirstAttribute(UserModel.LOCALE),
                realm.getSupportedLocalesStream().toList(), realm.getDefaultLocale());
        Properties messages;
        try {
            messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
        } catch (IOException | RuntimeException e) {
            messages = new Properties();
        }
        return format(messages, locale, code);
    }

    static Locale language(String userLocale, List<String> supported, String realmDefault) {
        if (userLocale != null && supported.contains(userLocale)) {
            return Locale.forLanguageTag(userLocale);
        }
        return Locale.forLanguageTag(realmDefault == null || realmDefault.isBlank() ? "nl" : realmDefault);
    }

    static String format(Properties messages, Locale locale, String code) {
        return new MessageFormat(messages.getProperty(MESSAGE_KEY, FALLBACK), locale).format(new Object[] {code});
    }
}
