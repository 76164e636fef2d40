package nl.notaris.portal.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

class LastActivityBackfillTest {

    @Test
    void aDatabaseThatDoesNotAnswerInTimeDoesNotStopTheStartUp() {
        MongoTemplate mongo = mock(MongoTemplate.class);
        when(mongo.find(any(Query.class), eq(Document.class), anyString()))
                .thenThrow(new DataAccessResourceFailureException("Timeout while receiving message"));
        var backfill = new LastActivityBackfill(mongo);

        assertThatCode(backfill::fill).isInstanceOf(DataAccessResourceFailureException.class);
        assertThatCode(() -> backfill.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
    }
}
