package nl.notaris.portal.dossier.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import nl.notaris.portal.support.web.InvalidRequestException;

/**
 * How long a grant lasts. The client chooses the last day ({@code until}); access ends at the end of
 * that day in the Netherlands, whatever the server's time zone. Without a choice it is 30 days from
 * today; it may be today at the earliest and one year from today at the latest. A grant may be
 * shortened, never lengthened: a longer access is a new grant, given knowingly.
 */
public final class GrantPeriod {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final int DEFAULT_DAYS = 30;

    private GrantPeriod() {
    }

    /** Today in the Netherlands. */
    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZONE);
    }

    /** The moment access ends: the start of the day after {@code until}, in the Netherlands. */
    public static Instant endOf(LocalDate until) {
        return until.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The last day of a new grant: the one asked for, or 30 days from today; 400 {@code until} outside today..+1 year. */
    public static LocalDate untilOfNew(LocalDate requested, Instant now) {
        LocalDate today = today(now);
        if (requested == null) {
            return today.plusDays(DEFAULT_DAYS);
        }
        LocalDate latest = today.plusYears(1);
        if (requested.isBefore(today) || requested.isAfter(latest)) {
            throw new InvalidRequestException("until",
                    "until must be a day from today (" + today + ") to one year from today (" + latest + ").");
        }
        return requested;
    }

    /** The new last day of a shortened grant; 400 {@code until} when it is later than the current one or before today. */
    static LocalDate untilOfShortened(LocalDate requested, LocalDate current, Instant now) {
        LocalDate today = today(now);
        if (requested.isAfter(current)) {
            throw new InvalidRequestException("until",
                    "until can only be shortened: at the latest " + current + ", the current last day.");
        }
        if (requested.isBefore(today)) {
            throw new InvalidRequestException("until", "until must be today (" + today + ") or later.");
        }
        return requested;
    }
}
