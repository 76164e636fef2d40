package nl.notaris.portal.document.upload;

import java.util.regex.Pattern;

/**
 * Whether the dossier id an upload names (in its tus metadata or a form field, not a path segment)
 * can be one at all, checked before it is looked up anywhere. Dossier ids are MongoDB ObjectIds;
 * tools and tests also use ids like {@code dos-<uuid>}, so letters, digits, {@code -} and {@code _}
 * pass. Anything else, {@code ../<id>} among them, would end up in the path of the call to
 * dossier-service, which refuses it as a bad request: that is reported as "could not be checked"
 * (503), while such an id simply is not a dossier (404).
 */
final class DossierIds {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private DossierIds() {
    }

    static void requirePossible(String dossierId) {
        if (!SHAPE.matcher(dossierId).matches()) {
            throw UploadRefusals.dossierNotFound();
        }
    }
}
