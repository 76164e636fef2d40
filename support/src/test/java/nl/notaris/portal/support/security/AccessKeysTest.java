package nl.notaris.portal.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The rule of who may see a dossier, for the three kinds of account. */
class AccessKeysTest {

    static final Caller ANNA = new Caller("anna", "anna@example.com", "Anna", null, List.of("client"));
    static final Caller JANSEN_MAIN = new Caller("jansen", "jansen@example.com", "Jansen B.V.", "bakkerij",
            List.of("client", "company-admin"));
    static final Caller PIET_EXTRA = new Caller("piet", "piet@example.com", "Piet", "bakkerij", List.of("client"));
    static final Caller OTHER_COMPANY = new Caller("kees", "kees@example.com", "Kees", "slagerij", List.of("client"));

    @Test
    void aPersonAsPartyOpensTheDossierToThatPersonOnly() {
        List<String> dossier = List.of(AccessKeys.ofParty("anna", "PERSON", null));

        assertThat(ANNA.mayAccess(dossier)).isTrue();
        assertThat(JANSEN_MAIN.mayAccess(dossier)).isFalse();
        assertThat(PIET_EXTRA.mayAccess(dossier)).isFalse();
    }

    @Test
    void aCompanysMainAccountAsPartyOpensTheDossierToEveryAccountOfThatCompany() {
        List<String> dossier = List.of(AccessKeys.ofParty("jansen", AccessKeys.COMPANY_MAIN, "bakkerij"));

        assertThat(JANSEN_MAIN.mayAccess(dossier)).isTrue();
        assertThat(PIET_EXTRA.mayAccess(dossier)).isTrue();
        assertThat(OTHER_COMPANY.mayAccess(dossier)).isFalse();
        assertThat(ANNA.mayAccess(dossier)).isFalse();
    }

    @Test
    void anExtraAccountAsPartyOpensTheDossierToThatAccountAloneNotToItsCompany() {
        List<String> dossier = List.of(AccessKeys.ofParty("piet", "COMPANY_EXTRA", "bakkerij"));

        assertThat(PIET_EXTRA.mayAccess(dossier)).isTrue();
        assertThat(JANSEN_MAIN.mayAccess(dossier)).isFalse();
    }

    @Test
    void aMainAccountWithoutACompanyIdCountsAsItsOwnAccount() {
        List<String> dossier = List.of(AccessKeys.ofParty("jansen", AccessKeys.COMPANY_MAIN, null));

        assertThat(new Caller("jansen", null, null, null, List.of("client")).mayAccess(dossier)).isTrue();
        assertThat(PIET_EXTRA.mayAccess(dossier)).isFalse();
    }
}
