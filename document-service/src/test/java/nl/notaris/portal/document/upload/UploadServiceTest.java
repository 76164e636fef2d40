package nl.notaris.portal.document.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.mock.web.MockMultipartFile;

import nl.notaris.portal.document.file.StoredFiles;
import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.ProblemException;
import nl.notaris.portal.support.web.ServiceUnavailableException;

/**
 * The dossier id of an upload comes from its metadata or a form field, not from a path segment:
 * one that cannot be a dossier id is not found, and nobody is asked about it. dossier-service
 * answers such an id (its slash encoded into the path) with a 400, which the owner lookup reports
 * as "could not be checked".
 */
class UploadServiceTest {

    final AtomicInteger asked = new AtomicInteger();
    final DossierAccessReplica access = new DossierAccessReplica(mock(MongoTemplate.class), dossierId -> {
        asked.incrementAndGet();
        throw new ServiceUnavailableException("The dossier could not be checked just now. Please try again.");
    }, Clock.systemUTC());
    final UploadService uploads = new UploadService(mock(MongoTemplate.class), mock(GridFsTemplate.class),
            mock(StoredFiles.class), access, new UploadLimits(null, null, null),
            Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
    final Caller anna = new Caller("a1-anna", "anna@example.com", "Anna de Vries", null, List.of("client"));

    @Test
    void aDossierIdThatCannotBeOneIsNotFoundBeforeAnyLookup() {
        for (String notAnId : List.of("../6b0a9f0e1c2d3e4f5a6b7c8d", "6b0a9f0e1c2d3e4f5a6b7c8d/../x", "..",
                "%2e%2e%2f6b0a9f0e1c2d3e4f5a6b7c8d", "a b", "x".repeat(65))) {
            assertThatThrownBy(() -> uploads.start(anna, notAnId, "a.pdf", 100)).as(notAnId)
                    .isInstanceOfSatisfying(ProblemException.class, UploadServiceTest::dossierNotFound);
            assertThatThrownBy(() -> uploads.store(anna, notAnId,
                    new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF-1.7".getBytes())))
                    .as(notAnId).isInstanceOfSatisfying(ProblemException.class, UploadServiceTest::dossierNotFound);
        }
        assertThat(asked).as("dossier-service was not asked").hasValue(0);
    }

    static void dossierNotFound(ProblemException problem) {
        assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problem.code()).isEqualTo("upload.dossier-not-found");
        assertThat(problem.field()).isEqualTo("dossierId");
    }

    @Test
    void aWellFormedIdIsLookedUp() {
        assertThatThrownBy(() -> uploads.start(anna, "6b0a9f0e1c2d3e4f5a6b7c8d", "a.pdf", 100))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(asked).hasValue(1);
    }
}
