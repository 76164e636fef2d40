package nl.notaris.portal.dossier.dossier;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;

import nl.notaris.portal.dossier.TestAccounts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.RawHttp;

/**
 * What an attack run sent to the running service, over real HTTP as it sent it: each answers a 400
 * problem naming the field, never a 500 or Tomcat's HTML page.
 */
@ServiceIntegrationTest
@Import(TestAccounts.class)
class BadInputIT extends IntegrationTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void aNulByteInTheSearchIsA400() throws IOException {
        RawHttp.send(port, "GET /api/dossiers?query=a%00b HTTP/1.1\r\n" + ANNA.bearer()).assertProblem(400)
                .assertField("query");
    }

    @Test
    void aSearchThatIsNotUtf8IsA400() throws IOException {
        RawHttp.send(port, "GET /api/dossiers?query=%C0%80 HTTP/1.1\r\n" + ANNA.bearer()).assertProblem(400)
                .assertField("query");
    }

    @Test
    void aNullProgressStepIsA400() throws IOException {
        String body = "{\"steps\":[null]}";
        RawHttp.send(port, "PUT /api/staff/dossiers/any-id/progress HTTP/1.1\r\n" + STAFF.bearer()
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n", body)
                .assertProblem(400).assertField("steps[0]");
    }

    @Test
    void aNulByteInTheDossierIdIsAProblemNotAnHtmlPage() throws IOException {
        RawHttp.send(port, "GET /api/dossiers/a%00b HTTP/1.1\r\n" + ANNA.bearer()).assertProblem(400);
    }
}
