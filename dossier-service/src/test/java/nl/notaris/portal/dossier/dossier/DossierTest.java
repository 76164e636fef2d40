package nl.notaris.portal.dossier.dossier;

import static nl.notaris.portal.dossier.dossier.DossierMother.ANNA;
import static nl.notaris.portal.dossier.dossier.DossierMother.JANSEN_BV;
import static nl.notaris.portal.dossier.dossier.DossierMother.NOW;
import static nl.notaris.portal.dossier.dossier.DossierMother.PIET;
import static nl.notaris.portal.dossier.dossier.DossierMother.purchaseOfAHouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.notaris.portal.dossier.dossier.Dossier.StepInput;
import nl.notaris.portal.dossier.progress.ProgressStep;
import nl.notaris.portal.dossier.progress.StepRequest;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;

class DossierTest {

    @Test
    void aNewDossierIsInProgressTrimmedAndAtItsFirstRevision() {
        Dossier dossier = purchaseOfAHouse();

        assertThat(dossier.getId()).as("known before the first write").isNotBlank();
        assertThat(dossier.getNumber()).isEqualTo("2026-0001");
        assertThat(dossier.getDescription()).isEqualTo("Aankoop woning Dorpsstraat 12");
        assertThat(dossier.getStatus()).isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(dossier.getRevision()).isEqualTo(1);
        assertThat(dossier.getProgress().done()).isZero();
        assertThat(dossier.getProgress().total()).isZero();
    }

    @Test
    void aPersonGivesAccessToItsAccountAndACompanyMainAccountToTheWholeCompany() {
        Dossier dossier = purchaseOfAHouse();
        dossier.replaceParties(List.of(ANNA, JANSEN_BV), NOW);

        assertThat(dossier.getAccessKeys()).containsExactly("account:a1", "company:bakkerij-jansen");
        assertThat(dossier.isVisibleTo(caller("b2", "bakkerij-jansen", "client"))).isTrue();
        assertThat(dossier.isVisibleTo(caller("c1", null, "client"))).isFalse();
        assertThat(dossier.isVisibleTo(caller("s1", null, "staff"))).as("staff see every dossier").isTrue();
    }

    @Test
    void anExtraAccountAsPartyGivesAccessToThatAccountOnly() {
        Dossier dossier = purchaseOfAHouse();
        dossier.replaceParties(List.of(PIET), NOW);

        assertThat(dossier.getAccessKeys()).containsExactly("account:b2");
    }

    @Test
    void changesCountAsRevisionsOnlyWhenSomethingChanged() {
        Dossier dossier = purchaseOfAHouse();

        assertThat(dossier.changeStatus(DossierStatus.IN_PROGRESS, NOW)).isFalse();
        assertThat(dossier.describe("Aankoop woning Dorpsstraat 12", NOW)).isFalse();
        assertThat(dossier.replaceParties(List.of(ANNA, ANNA), NOW)).isFalse();
        assertThat(dossier.getRevision()).isEqualTo(1);

        assertThat(dossier.changeStatus(DossierStatus.ON_HOLD, NOW)).isTrue();
        assertThat(dossier.describe("Aankoop appartement", NOW)).isTrue();
        assertThat(dossier.getRevision()).isEqualTo(3);
    }

    @Test
    void aStepKeepsItsIdAndItsRequestsFulfilmentWhileItAsksTheSame() {
        Dossier dossier = purchaseOfAHouse();
        StepRequest passport = StepRequest.document("Kopie paspoort", java.time.LocalDate.parse("2026-12-15"));
        dossier.replaceProgress(List.of(new StepInput(null, "Identificatie", false, "Wij stellen uw identiteit vast.",
                java.time.LocalDate.parse("2026-12-20"), passport), new StepInput("Levering", false)), NOW);
        String id = dossier.getProgress().steps().get(0).id();
        assertThat(id).matches("s-[0-9a-f]{8}");

        assertThat(dossier.fulfilRequest(ProgressStep.documentRequest(id), "Anna de Vries", "m1", NOW)).isTrue();
        assertThat(dossier.fulfilRequest(ProgressStep.documentRequest(id), "Bob", "m2", NOW)).as("once").isFalse();
        // sent back by id with a later due date and a new title: the same request, still fulfilled
        dossier.replaceProgress(List.of(new StepInput(id, "Legitimatie", false, null, null,
                StepRequest.document("Kopie paspoort", java.time.LocalDate.parse("2027-01-15")))), NOW);
        ProgressStep kept = dossier.getProgress().steps().get(0);
        assertThat(kept.id()).isEqualTo(id);
        assertThat(kept.request().fulfilledBy()).isEqualTo("Anna de Vries");
        assertThat(kept.request().fulfilledMessageId()).isEqualTo("m1");
        assertThat(kept.forClient().request().fulfilledBy()).isNull();
        // by title when no id is sent; a request for something else starts open
        dossier.replaceProgress(List.of(new StepInput(null, "Legitimatie", false, null, null,
                StepRequest.document("Kopie rijbewijs", null))), NOW);
        assertThat(dossier.getProgress().steps().get(0).id()).isEqualTo(id);
        assertThat(dossier.getProgress().steps().get(0).hasOpenRequest()).isTrue();
    }

    @Test
    void aStepIdThatIsNotTheDossiersOrTwiceInTheListIsRefused() {
        Dossier dossier = purchaseOfAHouse();
        dossier.replaceProgress(List.of(new StepInput("Intake", false)), NOW);
        String id = dossier.getProgress().steps().get(0).id();

        assertThatThrownBy(() -> dossier.replaceProgress(List.of(new StepInput("s-00000000", "Intake", false, null,
                null, null)), NOW)).isInstanceOf(InvalidRequestException.class).extracting("field").isEqualTo("steps[0].id");
        assertThatThrownBy(() -> dossier.replaceProgress(List.of(new StepInput(id, "Intake", false, null, null, null),
                new StepInput(id, "Nog eens", false, null, null, null)), NOW)).isInstanceOf(InvalidRequestException.class)
                .extracting("field").isEqualTo("steps[1].id");
    }

    @Test
    void aQuestionnaireRequestIsFulfilledByItsAssignmentOnly() {
        Dossier dossier = purchaseOfAHouse();
        dossier.replaceProgress(List.of(new StepInput(null, "Vragenlijst", false, null, null,
                StepRequest.questionnaire("6b0ac1d2e3f4a5b6c7d8e9f0", null))), NOW);

        assertThat(dossier.fulfilRequest(ProgressStep.questionnaireRequest("6b0ac1d2e3f4a5b6c7d8e9f1"), "Anna", null, NOW))
                .isFalse();
        assertThat(dossier.fulfilRequest(ProgressStep.documentRequest(dossier.getProgress().steps().get(0).id()), "Anna",
                "m1", NOW)).as("not a document request").isFalse();
        assertThat(dossier.fulfilRequest(ProgressStep.questionnaireRequest("6b0ac1d2e3f4a5b6c7d8e9f0"), "Anna", null, NOW))
                .isTrue();
        assertThat(dossier.getProgress().steps().get(0).request().fulfilledAt()).isEqualTo(NOW);
    }

    @Test
    void progressCountsDoneStepsAndKeepsWhenAStepWasDone() {
        Dossier dossier = purchaseOfAHouse();
        Instant later = NOW.plusSeconds(3600);

        dossier.replaceProgress(List.of(new StepInput("Intake", true), new StepInput("Ondertekening", false)), NOW);
        dossier.replaceProgress(List.of(new StepInput("Intake", true), new StepInput("Ondertekening", true),
                new StepInput("Inschrijving kadaster", false)), later);

        var progress = dossier.getProgress();
        assertThat(progress.done()).isEqualTo(2);
        assertThat(progress.total()).isEqualTo(3);
        assertThat(progress.steps()).extracting(s -> s.doneAt()).containsExactly(NOW, later, null);
    }

    @Test
    void searchMatchesNumberAndDescriptionLiterally() {
        assertThat(DossierSearch.literal("a.b*").matcher("xa.b*y").find()).isTrue();
        assertThat(DossierSearch.literal("a.b*").matcher("axbbb").find()).isFalse();
        assertThat(DossierSearch.literal(" DORPS ").matcher("2026-0001 aankoop woning dorpsstraat 12").find()).isTrue();
    }

    @Test
    void theSearchTextHoldsNumberDescriptionAndEachPartysNameAndAddressInLowerCase() {
        Dossier dossier = purchaseOfAHouse();
        dossier.replaceParties(List.of(ANNA, JANSEN_BV), NOW);

        assertThat(dossier.getSearchText()).contains("2026-0001 aankoop woning dorpsstraat 12")
                .contains("anna de vries").contains("anna@example.com")
                .contains("bakkerij jansen b.v.").contains("jansen.bv@example.com");
        assertThat(DossierSearch.literal("Jansen B.V").matcher(dossier.getSearchText()).find()).isTrue();

        dossier.replaceParties(List.of(PIET), NOW);
        assertThat(dossier.getSearchText()).contains("piet jansen").doesNotContain("anna").doesNotContain("bakkerij");
    }

    @Test
    void aPartyWithoutANameIsFoundByItsAddress() {
        Dossier dossier = Dossier.open("2026-0002", "Testament", null,
                List.of(new nl.notaris.portal.dossier.parties.Party("x1", "oud@example.com", "PERSON", null, null)), NOW);

        assertThat(dossier.getSearchText()).isEqualTo("2026-0002 testament\noud@example.com");
    }

    @Test
    void everyChangeIsTheDossiersLastActivity() {
        Dossier dossier = purchaseOfAHouse();
        Instant later = NOW.plusSeconds(60);

        assertThat(dossier.getUpdatedAt()).isEqualTo(NOW);
        dossier.changeStatus(DossierStatus.ON_HOLD, later);
        assertThat(dossier.getUpdatedAt()).isEqualTo(later);
        dossier.replaceProgress(List.of(new StepInput("Intake", false)), later.plusSeconds(1));
        assertThat(dossier.getUpdatedAt()).isEqualTo(later.plusSeconds(1));
        dossier.replaceParties(List.of(PIET), later.plusSeconds(2));
        assertThat(dossier.getUpdatedAt()).isEqualTo(later.plusSeconds(2));
        dossier.describe("Levering", later.plusSeconds(3));
        assertThat(dossier.getUpdatedAt()).isEqualTo(later.plusSeconds(3));
        assertThat(dossier.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void theStaffListsSortParameterNamesItsOrders() {
        assertThat(DossierSearch.StaffOrder.parse(null)).isEqualTo(DossierSearch.StaffOrder.LAST_ACTIVITY);
        assertThat(DossierSearch.StaffOrder.parse(" lastactivity ")).isEqualTo(DossierSearch.StaffOrder.LAST_ACTIVITY);
        assertThat(DossierSearch.StaffOrder.parse("NUMBER")).isEqualTo(DossierSearch.StaffOrder.NUMBER);
        assertThat(DossierSearch.StaffOrder.LAST_ACTIVITY.sort().toString()).isEqualTo("updatedAt: DESC,_id: DESC");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DossierSearch.StaffOrder.parse("LAST_ACTIVITY"))
                .isInstanceOf(nl.notaris.portal.support.web.InvalidRequestException.class)
                .hasMessage("Unknown sort 'LAST_ACTIVITY'. Use one of: lastActivity, number.");
    }

    private static Caller caller(String accountId, String companyId, String role) {
        return new Caller(accountId, null, null, companyId, List.of(role));
    }
}
