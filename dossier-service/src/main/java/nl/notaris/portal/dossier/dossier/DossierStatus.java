package nl.notaris.portal.dossier.dossier;

/** The statuses of a dossier. Labels live in the web app (nl: In behandeling, Aangehouden, Afgerond, Geannuleerd). */
public enum DossierStatus {
    IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED
}
