package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.STAFF;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.RawHttp;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;

/** A NUL byte in the looked-up address, over real HTTP: a 400 naming the field, not a 500 from Keycloak's refusal. */
@ServiceIntegrationTest
class BadInputIT extends IntegrationTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void aNulByteInTheAddressIsA400() throws IOException {
        RawHttp.send(port, "GET /api/staff/accounts/lookup?email=a%00@b HTTP/1.1\r\n" + STAFF.bearer())
                .assertProblem(400).assertField("email");
    }

    @Test
    void anAddressThatIsNotUtf8IsA400() throws IOException {
        RawHttp.send(port, "GET /api/staff/accounts/lookup?email=a%C0%80@b HTTP/1.1\r\n" + STAFF.bearer())
                .assertProblem(400).assertField("email");
    }
}
