package nl.notaris.portal.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** A page reads its dossiers first and counts only when the page cannot tell the total. */
class DossierSearchPagingTest {

    final MongoTemplate mongo = mock(MongoTemplate.class);
    final DossierSearch search = new DossierSearch(mongo);

    @Test
    void aFirstPageThatIsNotFullIsTheTotal() {
        found(3);

        var page = search.forCaller(List.of("account:a"), List.of(DossierStatus.IN_PROGRESS), null, PageRequest.of(0, 20));

        assertThat(page.getTotalElements()).isEqualTo(3);
        verify(mongo, never()).count(any(Query.class), eq(Dossier.class));
    }

    @Test
    void aLastPageAddsWhatItHoldsToThePagesBefore() {
        found(5);

        var page = search.forStaff(null, List.of(), DossierSearch.StaffOrder.NUMBER, PageRequest.of(2, 20));

        assertThat(page.getTotalElements()).isEqualTo(45);
        verify(mongo, never()).count(any(Query.class), eq(Dossier.class));
    }

    @Test
    void aFullPageIsCounted() {
        found(20);
        given(mongo.count(any(Query.class), eq(Dossier.class))).willReturn(500L);

        var page = search.forCaller(List.of("account:a"), List.of(DossierStatus.IN_PROGRESS), null, PageRequest.of(0, 20));

        assertThat(page.getTotalElements()).isEqualTo(500);
        assertThat(page.getTotalPages()).isEqualTo(25);
    }

    @Test
    void aPageBeyondTheLastIsCounted() {
        found(0);
        given(mongo.count(any(Query.class), eq(Dossier.class))).willReturn(7L);

        var page = search.forStaff(null, List.of(), DossierSearch.StaffOrder.NUMBER, PageRequest.of(3, 20));

        assertThat(page.getContent()).isEmpty();
        assertThat(page.getTotalElements()).isEqualTo(7);
    }

    private void found(int dossiers) {
        given(mongo.find(any(Query.class), eq(Dossier.class)))
                .willReturn(Collections.nCopies(dossiers, DossierMother.purchaseOfAHouse()));
    }
}
