package nl.notaris.portal.identity.me;

/** The languages of the portal (ME-1). Dutch is the default. */
public enum Language {
    nl, en;

    public static Language parseOrDefault(String value) {
        for (Language language : values()) {
            if (language.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return language;
            }
        }
        return nl;
    }
}
