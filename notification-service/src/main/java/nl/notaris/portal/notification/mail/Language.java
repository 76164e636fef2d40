package nl.notaris.portal.notification.mail;

/** The languages the portal mails in; Dutch unless the client chose English. */
public enum Language {
    NL, EN;

    public static final Language DEFAULT = NL;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code "nl"}, {@code "en"} (any case); anything else or nothing is the default. */
    public static Language fromTag(String tag) {
        return tag != null && tag.trim().equalsIgnoreCase("en") ? EN : DEFAULT;
    }
}
