package nl.notaris.portal.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.RawHttp;
import nl.notaris.portal.testsupport.RawHttp.Answer;

/**
 * Whatever rejects a request — a controller, the parameter check, the security filters, the
 * multipart parser or Tomcat itself — the caller gets a problem+json with a 4xx, never an HTML page
 * or a 500. Requests go over a raw socket so that nothing on the client side cleans them up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ProblemResponsesIT.App.class,
        properties = { "spring.mongodb.database=support-web-test", "spring.application.name=support-web-test" })
class ProblemResponsesIT extends IntegrationTest {

    static final String TOKEN = "Authorization: Bearer test-token\r\n";

    @Value("${local.server.port}")
    int port;

    @Test
    void aNulByteInAQueryParameterIsA400NamingIt() throws IOException {
        Answer answer = send("GET /api/echo?query=a%00b HTTP/1.1\r\n" + TOKEN);
        answer.assertProblem(400).assertField("query");
    }

    @Test
    void bytesThatAreNotUtf8AreA400NamingTheParameter() throws IOException {
        send("GET /api/echo?query=%C0%80 HTTP/1.1\r\n" + TOKEN).assertProblem(400).assertField("query");
    }

    @Test
    void aNulByteInThePathIsAProblemNotTomcatsHtmlPage() throws IOException {
        send("GET /api/echo/a%00b HTTP/1.1\r\n" + TOKEN).assertProblem(400);
    }

    @Test
    void pagingParametersAreCheckedByOneHelper() throws IOException {
        send("GET /api/echo?page=-1 HTTP/1.1\r\n" + TOKEN).assertProblem(400).assertField("page");
        send("GET /api/echo?size=abc HTTP/1.1\r\n" + TOKEN).assertProblem(400).assertField("size");
        send("GET /api/echo?size=101 HTTP/1.1\r\n" + TOKEN).assertProblem(400).assertField("size");
        Answer ok = send("GET /api/echo?query=Dorpsstraat&size=5 HTTP/1.1\r\n" + TOKEN);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("size").asInt()).isEqualTo(5);
        assertThat(ok.json().path("caller").asText()).isEqualTo("anna");
    }

    @Test
    void aTextFieldTakesAStringWithoutControlCharacters() throws IOException {
        postJson("{\"subject\":1,\"body\":\"x\"}").assertProblem(400).assertField("subject");
        postJson("{\"subject\":\"x\",\"body\":true}").assertProblem(400).assertField("body");
        postJson("{\"subject\":\"\\u0000\",\"body\":\"x\"}").assertProblem(400).assertField("subject");
        postJson("{\"subject\":\"x\",\"tags\":[\"a\",\"b\\u001bc\"]}").assertProblem(400).assertField("tags[1]");
        Answer refused = postJson("{\"subject\":\"a\\u0007b\"}");
        assertThat(refused.json().path("detail").asText()).isEqualTo("subject contains a character that is not allowed.");

        Answer ok = postJson("{\"subject\":\"Vraag\",\"body\":\"Regel 1\\r\\nRegel 2\\tmet tab\",\"tags\":[\"\\u00e9\"]}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("body").asText()).isEqualTo("Regel 1\r\nRegel 2\tmet tab");
    }

    @Test
    void aMultipartTextFieldWithAControlCharacterIsA400NamingIt() throws IOException {
        String body = "--XX\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\na\u0000b\r\n"
                + "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\nabc\r\n--XX--\r\n";
        send("POST /api/upload HTTP/1.1\r\n" + TOKEN + "Content-Type: multipart/form-data; boundary=XX\r\n"
                + "Content-Length: " + body.length() + "\r\n", body).assertProblem(400).assertField("title");
        String fine = body.replace("a\u0000b", "Regel 1\r\nRegel 2");
        assertThat(send("POST /api/upload HTTP/1.1\r\n" + TOKEN + "Content-Type: multipart/form-data; boundary=XX\r\n"
                + "Content-Length: " + fine.length() + "\r\n", fine).status()).isEqualTo(200);
    }

    @Test
    void aParameterNameTheFirewallRefusesIsA400() throws IOException {
        String form = "a%0d%0ab=1";
        send("POST /api/text HTTP/1.1\r\n" + TOKEN + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + form.length() + "\r\n", form).assertProblem(400);
    }

    private Answer postJson(String json) throws IOException {
        return send("POST /api/text HTTP/1.1\r\n" + TOKEN + "Content-Type: application/json\r\nContent-Length: "
                + json.length() + "\r\n", json);
    }

    @Test
    void aMalformedMultipartBodyIsA400() throws IOException {
        String body = "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\nabc";
        send("POST /api/upload HTTP/1.1\r\n" + TOKEN + "Content-Type: multipart/form-data; boundary=XX\r\n"
                + "Content-Length: " + body.length() + "\r\n", body).assertProblem(400);
        send("POST /api/upload HTTP/1.1\r\n" + TOKEN + "Content-Type: multipart/form-data\r\nContent-Length: 7\r\n",
                "garbage").assertProblem(400);
    }

    @Test
    void anonymousUnknownAndBrokenAreProblemsToo() throws IOException {
        send("GET /api/echo HTTP/1.1\r\n").assertProblem(401);
        send("GET /api/nothing-here HTTP/1.1\r\n" + TOKEN).assertProblem(404);
        Answer fault = send("GET /api/fault HTTP/1.1\r\n" + TOKEN).assertProblem(500);
        assertThat(fault.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
    }

    @Test
    void aMalformedBearerTokenIsA401Problem() throws IOException {
        send("GET /api/echo HTTP/1.1\r\nAuthorization: Bearer test token\r\n").assertProblem(401);
        assertThat(send("GET /api/echo HTTP/1.1\r\nAuthorization: bearer test-token\r\n").status()).isEqualTo(200);
    }

    /** The firewall and the bearer token's reading are support.security's loops, not Spring Security's regular expressions. */
    @Test
    void headersAreCheckedWithoutRegularExpressions(@Autowired FilterChainProxy security) {
        // Spring MVC's configuration wraps the FilterChainProxy that WebSecurity built in one of its own
        Object built = ReflectionTestUtils.getField(security, "springSecurityFilterChain");
        Object firewall = ReflectionTestUtils.getField(built, "firewall");
        assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderValues").getClass().getName())
                .startsWith("nl.notaris.portal.support.security.HeaderCharacters");
        Object bearerFilter = security.getFilterChains().getFirst().getFilters().stream()
                .filter(BearerTokenAuthenticationFilter.class::isInstance).findFirst().orElseThrow();
        Object converter = ReflectionTestUtils.getField(bearerFilter, "authenticationConverter");
        assertThat(ReflectionTestUtils.getField(converter, "bearerTokenResolver").getClass().getSimpleName())
                .isEqualTo("AuthorizationHeaderTokens");
    }

    @Test
    void aProblemAPersonSeesCarriesItsCodeAndParameters() throws IOException {
        Answer refused = send("GET /api/refused HTTP/1.1\r\n" + TOKEN).assertProblem(415);
        assertThat(refused.body()).contains("\"code\":\"upload.refused-type\"")
                .contains("\"params\":{\"file\":\"tool.exe\"}").contains("\"field\":\"file\"");
    }

    Answer send(String head) throws IOException {
        return RawHttp.send(port, head);
    }

    Answer send(String head, String body) throws IOException {
        return RawHttp.send(port, head, body);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        JwtDecoder testTokens() {
            return token -> Jwt.withTokenValue(token).header("alg", "none").subject("anna")
                    .claim("realm_access", Map.of("roles", List.of("client"))).build();
        }

        @Bean
        EchoController echoController() {
            return new EchoController();
        }
    }

    record Text(String subject, String body, List<String> tags) {
    }

    @RestController
    static class EchoController {

        @GetMapping("/api/echo")
        Map<String, Object> echo(Caller caller, PageQuery page, @RequestParam(required = false) String query) {
            return Map.of("caller", caller.accountId(), "page", page.page(), "size", page.size(),
                    "query", query == null ? "" : query);
        }

        @GetMapping("/api/echo/{value}")
        String echoPath(@org.springframework.web.bind.annotation.PathVariable String value) {
            return value;
        }

        @PostMapping("/api/upload")
        long upload(@RequestPart MultipartFile file, @RequestParam(required = false) String title) {
            return file.getSize();
        }

        @PostMapping("/api/text")
        Text text(@org.springframework.web.bind.annotation.RequestBody Text text) {
            return text;
        }

        @GetMapping("/api/refused")
        String refused() {
            throw new ProblemException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file",
                    "'tool.exe' cannot be delivered.", "upload.refused-type", Map.of("file", "tool.exe"));
        }

        @GetMapping("/api/fault")
        String fault() {
            throw new IllegalStateException("secret internals");
        }
    }
}
