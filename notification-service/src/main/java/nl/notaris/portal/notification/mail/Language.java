package nl.notaris.portal.notification.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The languages the portal mails in; Dutch unless the client chose English. */
public enum Language {
    NL, EN;

    public static final Language DEFAULT = NL;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A date as a person reads it in this language: "12 december 2026", "12 December 2026". */
    public String longDate(LocalDate date) {
        return date == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(this == EN ? Locale.UK : Locale.of("nl", "NL")).format(date);
    }

    /** {@code "nl"}, {@code "en"} (any case); anything else or nothing is the default. */
    public static Language fromTag(String tag) {
        return tag != null && tag.trim().equalsIgnoreCase("en") ? EN : DEFAULT;
    }
}
