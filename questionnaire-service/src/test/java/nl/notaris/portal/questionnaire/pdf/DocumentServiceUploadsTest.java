package nl.notaris.portal.questionnaire.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

/** The multipart upload of the PDF, as document-service receives it: the file name arrives whole. */
class DocumentServiceUploadsTest {

    HttpServer documentService;
    final AtomicReference<String> received = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        documentService = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        documentService.createContext("/api/uploads", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"id\":\"upload-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        documentService.start();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(
                Jwt.withTokenValue("client-token").header("alg", "none").subject("anna").build()));
    }

    @AfterEach
    void stop() {
        documentService.stop(0);
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFileNameArrivesWholeWithAccentedLettersAlsoEncodedAsFilenameStar() {
        DocumentServiceUploads uploads = new DocumentServiceUploads(RestClient.builder(),
                "http://localhost:" + documentService.getAddress().getPort());

        String id = uploads.uploadPdf("dos-1", PdfFileName.of("Één vraag: koop/verkoop"), "%PDF-1.7".getBytes());

        assertThat(id).isEqualTo("upload-1");
        String header = received.get().lines().filter(line -> line.regionMatches(true, 0, "Content-Disposition:", 0, 20))
                .filter(line -> line.contains("name=\"file\"")).findFirst().orElseThrow().substring(20).strip();
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("Vragenlijst Één vraag koop-verkoop.pdf");
        assertThat(header).contains("filename*=UTF-8''Vragenlijst%20%C3%89%C3%A9n%20vraag%20koop-verkoop.pdf");
    }
}
