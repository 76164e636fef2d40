package nl.notaris.portal.dossier.dossier;

/** The statuses of a dossier. Labels live in the web app (nl: In behandeling, Aangehouden, Afgerond, Geannuleerd). */
public enum DossierStatus {
    IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED;

    /** Parses a status given by a caller; unknown names are a mistake of the caller. */
    public static DossierStatus parse(String value) {
        for (DossierStatus status : values()) {
            if (status.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown status '" + value + "'. Use one of: IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED.");
    }
}
