package nl.notaris.portal.dossier.dossier;

import java.time.Instant;
import java.util.List;

import nl.notaris.portal.dossier.parties.Party;

/** Dossiers and parties for the domain tests. */
final class DossierMother {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Party ANNA = new Party("a1", "anna@example.com", "PERSON", null, "Anna de Vries");
    static final Party JANSEN_BV = new Party("b1", "jansen.bv@example.com", "COMPANY_MAIN", "bakkerij-jansen",
            "Bakkerij Jansen B.V.");
    static final Party PIET = new Party("b2", "piet@example.com", "COMPANY_EXTRA", "bakkerij-jansen", "Piet Jansen");

    private DossierMother() {
    }

    static Dossier purchaseOfAHouse() {
        return Dossier.open(" 2026-0001 ", " Aankoop woning Dorpsstraat 12 ", null, List.of(ANNA), NOW);
    }
}
