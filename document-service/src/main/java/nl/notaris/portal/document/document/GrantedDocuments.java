package nl.notaris.portal.document.document;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

import nl.notaris.portal.support.access.DossierAccess;
import nl.notaris.portal.support.security.Caller;

/**
 * What an adviser reads of a dossier's documents through a client's grant (ADV-1): what the office
 * published (correspondence and documents) and the adviser's own deliveries. The client's deliveries
 * (the files of the client's messages, a questionnaire's answers) and the files of the office's
 * messages stay the client's, as those messages and questionnaires do. A party and staff read all.
 */
final class GrantedDocuments {

    private static final Set<Category> PUBLISHED = EnumSet.of(Category.CORRESPONDENCE, Category.DOCUMENT);

    private GrantedDocuments() {
    }

    /** Whether the caller, who may read the dossier, may read this document of it. */
    static boolean readable(PublishedDocument document, DossierAccess dossier, Caller caller) {
        return dossier.isVisibleTo(caller) || PUBLISHED.contains(document.getCategory())
                || caller.accountId().equals(document.getDeliveredBy());
    }

    /** {@code documents}, narrowed to what the caller may read of them when it reads through a grant. */
    static Criteria readableOf(Criteria documents, DossierAccess dossier, Caller caller) {
        if (dossier.isVisibleTo(caller)) {
            return documents;
        }
        return new Criteria().andOperator(documents, new Criteria().orOperator(where("category").in(PUBLISHED),
                where("deliveredBy").is(caller.accountId())));
    }
}
