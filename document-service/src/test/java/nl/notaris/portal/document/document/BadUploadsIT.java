package nl.notaris.portal.document.document;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import nl.notaris.portal.testsupport.DossierOwnerStub;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.RawHttp;
import nl.notaris.portal.testsupport.RawHttp.Answer;

/**
 * Uploads as an attack run sent them, over real HTTP: a multipart body that is cut off or has no
 * boundary, and a raw quote in a part's file name. Each is a 400 problem (or, for a quote the
 * parser can read, a safe stored name), never a 500.
 */
@ServiceIntegrationTest
class BadUploadsIT extends IntegrationTest {

    @Value("${local.server.port}")
    int port;

    String dossierId() {
        String dossierId = "dos-" + UUID.randomUUID();
        DossierOwnerStub.instance().knows(dossierId, 1, ANNA);
        return dossierId;
    }

    Answer upload(String dossierId, String contentType, String body) throws IOException {
        return RawHttp.send(port, "POST /api/staff/dossiers/" + dossierId + "/documents HTTP/1.1\r\n" + STAFF.bearer()
                + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length() + "\r\n", body);
    }

    @Test
    void aMultipartBodyThatIsCutOffIsA400() throws IOException {
        upload(dossierId(), "multipart/form-data; boundary=XX",
                "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-abc")
                .assertProblem(400);
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsA400() throws IOException {
        upload(dossierId(), "multipart/form-data", "garbage").assertProblem(400);
    }

    @Test
    void rawQuotesInTheFileNameAreA400() throws IOException {
        for (String disposition : new String[] { "form-data; name=\"file\"; filename=\"a\\\"b.pdf\"",
                "form-data; name=\"file\"; filename=a\"b.pdf", "form-data; name=\"file\"; filename=\"ab.pdf",
                "form-data; name=\"file\"; filename=\"\"\"" }) {
            Answer answer = upload(dossierId(), "multipart/form-data; boundary=XX",
                    RawHttp.multipart("XX", disposition, "%PDF-1.4 x", "title", "T", "category", "DOCUMENT"));
            if (answer.status() == 201) {
                // the parser read a name: what is stored is the server's safe name, without the quote
                org.assertj.core.api.Assertions.assertThat(answer.json().path("fileName").asText()).doesNotContain("\"");
            } else {
                answer.assertProblem(400);
            }
        }
    }
}
