package nl.notaris.portal.testsupport;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dossier events for consumers' tests, made from the contract examples in {@code contracts/examples}
 * with the test's own dossier, version and parties.
 */
public final class DossierEventExamples {

    private DossierEventExamples() {
    }

    /** A {@code portal.dossier.changed} event: the dossier at {@code version} with these parties. */
    public static ContractExample changed(String dossierId, long version, TestCaller... parties) {
        return EventContracts.example("portal.dossier.changed").forDossier(dossierId)
                .with("data.number", "N-" + dossierId).with("data.version", version)
                .with("data.parties", parties(parties));
    }

    /** A {@code portal.dossier.created} event with these parties. */
    public static ContractExample created(String dossierId, TestCaller... parties) {
        return EventContracts.example("portal.dossier.created").forDossier(dossierId)
                .with("data.number", "N-" + dossierId).with("data.parties", parties(parties));
    }

    static List<Map<String, String>> parties(TestCaller... callers) {
        return Arrays.stream(callers).map(DossierEventExamples::party).toList();
    }

    static Map<String, String> party(TestCaller caller) {
        Map<String, String> party = new LinkedHashMap<>();
        party.put("accountId", caller.accountId());
        party.put("email", caller.email());
        party.put("accountType", caller.accountType());
        if (caller.companyId() != null) {
            party.put("companyId", caller.companyId());
        }
        return party;
    }
}
