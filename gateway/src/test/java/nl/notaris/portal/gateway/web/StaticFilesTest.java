package nl.notaris.portal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import nl.notaris.portal.gateway.StandInService;

/**
 * The web app's files as the web build left them in the jar (module web, on the test class path):
 * the content-named files under /assets/ precompressed per Accept-Encoding and kept for a year,
 * index.html asked for every time, the API's answers never stored.
 */
@SpringBootTest
@AutoConfigureWebTestClient
class StaticFilesTest {

    static final String IMMUTABLE = "max-age=31536000, public, immutable";
    static final HttpServer service = StandInService.start(exchange -> {
        byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    });

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void serviceUrl(DynamicPropertyRegistry registry) {
        StandInService.register(registry, service);
    }

    @AfterAll
    static void stop() {
        service.stop(0);
    }

    @Test
    void aBrowserThatAcceptsBrotliGetsTheBrotliCopyKeptForAYear() {
        String script = linked("script", "src", ".js");
        byte[] body = web.get().uri(script).header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br, zstd").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "br")
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"))
                .expectHeader().contentType("text/javascript")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .expectHeader().doesNotExist(HttpHeaders.PRAGMA)
                .expectHeader().doesNotExist(HttpHeaders.EXPIRES)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(file(script + ".br")).hasSizeLessThan(file(script).length / 3);

        String stylesheet = linked("link", "href", ".css");
        web.get().uri(stylesheet).header(HttpHeaders.ACCEPT_ENCODING, "br").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "br")
                .expectHeader().contentType("text/css")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .expectBody(byte[].class).isEqualTo(file(stylesheet + ".br"));
    }

    @Test
    void aBrowserThatAcceptsOnlyGzipGetsTheGzipCopy() {
        String script = linked("script", "src", ".js");
        byte[] body = web.get().uri(script).header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"))
                .expectHeader().contentType("text/javascript")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(gunzip(body)).isEqualTo(file(script));
    }

    @Test
    void aClientThatAcceptsNoEncodingGetsTheFileItself() {
        String script = linked("script", "src", ".js");
        // the script itself is larger than the client's default buffer
        var web = this.web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
        web.get().uri(script).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"))
                .expectHeader().contentType("text/javascript")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .expectBody(byte[].class).isEqualTo(file(script));
        web.get().uri(script).header(HttpHeaders.ACCEPT_ENCODING, "identity").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectBody(byte[].class).isEqualTo(file(script));
    }

    @Test
    void indexHtmlIsAskedForEveryTime() {
        for (String page : new String[] {"/", "/index.html", "/dossiers/abc"}) {
            web.get().uri(page).header(HttpHeaders.ACCEPT_ENCODING, "gzip, br").exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectHeader().doesNotExist(HttpHeaders.LAST_MODIFIED)
                    .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"root\">"));
        }
        // under 1 KB: the web build made no copies, so the answer is the same for every browser
        web.get().uri("/index.html").header(HttpHeaders.ACCEPT_ENCODING, "gzip, br").exchange()
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectHeader().doesNotExist(HttpHeaders.VARY);
    }

    @Test
    void aMissingAssetIsNotFoundAndNotThePage() {
        web.get().uri("/assets/index-00000000.js").header(HttpHeaders.ACCEPT_ENCODING, "br").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theApisAnswersAreNeverStored() {
        web.mutateWith(mockOidcLogin()).get().uri("/api/dossiers/d-1").header(HttpHeaders.ACCEPT_ENCODING, "gzip, br")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cacheControl -> assertThat(cacheControl).contains("no-store"))
                .expectBody(String.class).isEqualTo("{\"ok\":true}");
    }

    /** The path of the first script or stylesheet that the built index.html links, e.g. /assets/index-Bn1Mgsxp.js. */
    static String linked(String element, String attribute, String extension) {
        String html = new String(file("/index.html"), StandardCharsets.UTF_8);
        var link = Pattern.compile("<" + element + "\\b[^>]*\\b" + attribute + "=\"(/assets/[^\"]+\\"
                + extension + ")\"").matcher(html);
        assertThat(link.find()).as("index.html links a %s file under /assets/", extension).isTrue();
        return link.group(1);
    }

    static byte[] file(String path) {
        try {
            return new ClassPathResource("static" + path).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(path + " is not in the web build on the class path", e);
        }
    }

    static byte[] gunzip(byte[] gzipped) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
