package nl.notaris.portal.support.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.notaris.portal.support.web.ProblemException;
import nl.notaris.portal.support.web.ServiceUnavailableException;

/**
 * The client of document-service's uploads over HTTP, as document-service sees it: the caller's token,
 * the multipart upload streamed with the whole file name, the PATCH that marks an upload sent; its
 * refusals passed on as they are, and no answer a 503.
 */
class DocumentServiceUploadsTest {

    record Received(String method, String path, String authorization, String contentType, String transferEncoding,
            byte[] body) {

        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    static final String UPLOAD = """
            {"id":"%s","dossierId":"dos-1","fileName":"akte.pdf","size":1234,"received":1234,\
            "contentType":"application/pdf","status":"%s","messageId":null,"expiresAt":"2026-03-02T10:00:00Z"}""";

    final List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer documentService;
    DocumentServiceUploads uploads;
    /** What document-service answers next: status and body; a negative status: nothing for two seconds. */
    volatile int status = 201;
    volatile String answer = UPLOAD.formatted("upload-1", "COMPLETE");

    @BeforeEach
    void start() throws IOException {
        documentService = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        documentService.createContext("/api/uploads", this::answer);
        documentService.start();
        uploads = new DocumentServiceUploads(RestClient.builder(), url(), Duration.ofMillis(500));
        Jwt token = Jwt.withTokenValue("token-of-anna").header("alg", "none").subject("a1-anna").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        documentService.stop(0);
    }

    String url() {
        return "http://localhost:" + documentService.getAddress().getPort();
    }

    void answer(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Transfer-Encoding"), exchange.getRequestBody().readAllBytes()));
        if (status < 0) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    void answers(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    @Test
    void aFileIsStreamedAsTheCallerWithItsWholeName() {
        byte[] file = new byte[300_000];
        new Random(7).nextBytes(file);

        DocumentServiceUploads.Upload upload = uploads.store("dos-1", "Één vraag: koop-verkoop.pdf",
                MediaType.APPLICATION_PDF, new ByteArrayResource(file));

        assertThat(upload).isEqualTo(new DocumentServiceUploads.Upload("upload-1", "dos-1", "akte.pdf", 1234,
                "application/pdf", "COMPLETE"));
        assertThat(upload.isComplete()).isTrue();
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/uploads");
            assertThat(request.authorization()).isEqualTo("Bearer token-of-anna");
            assertThat(request.contentType()).startsWith("multipart/form-data");
            assertThat(request.transferEncoding()).as("streamed, not buffered to learn its length").isEqualTo("chunked");
            String header = request.text().lines().filter(line -> line.regionMatches(true, 0, "Content-Disposition:", 0, 20))
                    .filter(line -> line.contains("name=\"file\"")).findFirst().orElseThrow().substring(20).strip();
            assertThat(ContentDisposition.parse(new String(header.getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8)).getFilename()).isEqualTo("Één vraag: koop-verkoop.pdf");
            assertThat(header).contains("filename*=UTF-8''%C3%89%C3%A9n%20vraag%3A%20koop-verkoop.pdf");
            assertThat(request.text()).contains("Content-Type: application/pdf")
                    .containsPattern("name=\"dossierId\"\\r\\n(?:[^\\r\\n]*\\r\\n)*\\r\\ndos-1\\r\\n");
            assertThat(request.text()).contains(new String(file, StandardCharsets.ISO_8859_1));
        });
    }

    @Test
    void anAnswerWithoutAnUploadIsNoAnswer() {
        answers(201, "{\"dossierId\":\"dos-1\",\"size\":10}");
        assertThatThrownBy(() -> uploads.store("dos-1", "a.pdf", MediaType.APPLICATION_PDF, new ByteArrayResource(new byte[10])))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void aRefusedFileIsPassedOnAsDocumentServiceSaysIt() {
        answers(415, """
                {"status":415,"detail":"'tool.exe' cannot be delivered: it is a program.","code":"upload.refused-type",\
                "params":{"file":"tool.exe","kind":"program","type":"application/x-msdownload"}}""");

        assertThatThrownBy(() -> uploads.store("dos-1", "tool.exe", MediaType.APPLICATION_OCTET_STREAM,
                new ByteArrayResource(new byte[10]))).isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
                    assertThat(problem.field()).isEqualTo("files");
                    assertThat(problem).hasMessage("'tool.exe' cannot be delivered: it is a program.");
                    assertThat(problem.code()).isEqualTo("upload.refused-type");
                    assertThat(problem.params()).isEqualTo(Map.of("file", "tool.exe", "kind", "program",
                            "type", "application/x-msdownload"));
                });

        answers(413, "not json");
        assertThatThrownBy(() -> uploads.store("dos-1", "groot.pdf", MediaType.APPLICATION_PDF,
                new ByteArrayResource(new byte[10]))).isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(problem).hasMessage("The file was not accepted.");
                    assertThat(problem.code()).isNull();
                });
    }

    @Test
    void noAnswerInTimeAServerErrorOrNobodyListeningIsA503() throws IOException {
        ByteArrayResource file = new ByteArrayResource(new byte[10]);
        answers(-1, "");
        long started = System.nanoTime();
        assertThatThrownBy(() -> uploads.store("dos-1", "a.pdf", MediaType.APPLICATION_PDF, file))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the read timeout").isLessThan(Duration.ofMillis(1_900));
        assertThatThrownBy(() -> uploads.find("upload-1")).isInstanceOf(ServiceUnavailableException.class);

        answers(500, "{\"status\":500}");
        assertThatThrownBy(() -> uploads.store("dos-1", "a.pdf", MediaType.APPLICATION_PDF, file))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> uploads.markSent("upload-1", "m1")).isInstanceOf(ServiceUnavailableException.class);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nobody = new DocumentServiceUploads(RestClient.builder(), "http://localhost:" + closedPort, Duration.ofSeconds(1));
        assertThatThrownBy(() -> nobody.store("dos-1", "a.pdf", MediaType.APPLICATION_PDF, file))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void anUploadOfTheCallerIsFoundAndAnUnknownOrMalformedOneIsNone() {
        answers(200, UPLOAD.formatted("upload-1", "UPLOADING"));
        assertThat(uploads.find("upload-1")).hasValueSatisfying(upload -> {
            assertThat(upload.dossierId()).isEqualTo("dos-1");
            assertThat(upload.isComplete()).isFalse();
        });
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/api/uploads/upload-1");
            assertThat(request.authorization()).isEqualTo("Bearer token-of-anna");
        });

        answers(404, "{\"status\":404}");
        assertThat(uploads.find("someone-elses")).isEmpty();
        answers(400, "{\"status\":400}");
        assertThat(uploads.find("../x")).isEmpty();
    }

    @Test
    void anUploadIsMarkedSentWithItsMessageAsTheSender() {
        answers(200, UPLOAD.formatted("6b0a9f0e1c2d3e4f5a6b7c8d", "COMPLETE"));

        assertThat(uploads.markSent("6b0a9f0e1c2d3e4f5a6b7c8d", "6b0a9f0e1c2d3e4f5a6b7c99")).isTrue();

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PATCH");
            assertThat(request.path()).isEqualTo("/api/uploads/6b0a9f0e1c2d3e4f5a6b7c8d");
            assertThat(request.authorization()).isEqualTo("Bearer token-of-anna");
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(request.text()).isEqualTo("{\"messageId\":\"6b0a9f0e1c2d3e4f5a6b7c99\"}");
        });
    }

    @Test
    void anUploadThatIsGoneIsNotMarkedAndARefusalIsPassedOn() {
        answers(404, "{\"status\":404}");
        assertThat(uploads.markSent("gone", "m1")).isFalse();

        answers(409, """
                {"status":409,"detail":"'groot.pdf' has not finished uploading; it can be sent once every byte is in.",\
                "code":"upload.unfinished","params":{"file":"groot.pdf"}}""");
        assertThatThrownBy(() -> uploads.markSent("busy", "m1")).isInstanceOfSatisfying(ProblemException.class,
                problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(problem.field()).isEqualTo("uploads");
                    assertThat(problem.getMessage()).contains("groot.pdf");
                    assertThat(problem.code()).as("passed on for the web app to say").isEqualTo("upload.unfinished");
                    assertThat(problem.params()).isEqualTo(Map.of("file", "groot.pdf"));
                });
    }

    @Test
    void aServiceHasTheClientWhenItNamesDocumentService() {
        var runner = new ApplicationContextRunner()
                .withInitializer(context -> context.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withConfiguration(AutoConfigurations.of(DocumentServiceUploadsAutoConfiguration.class))
                .withBean(RestClient.Builder.class, RestClient::builder);
        runner.run(context -> assertThat(context).doesNotHaveBean(DocumentServiceUploads.class));
        runner.withPropertyValues("portal.document-service-url=" + url())
                .run(context -> assertThat(context).hasSingleBean(DocumentServiceUploads.class));
    }
}
