package nl.notaris.portal.questionnaire.pdf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.support.security.CallerToken;
import nl.notaris.portal.support.web.ServiceUnavailableException;

/**
 * Hands the PDF of a completed questionnaire to document-service, which owns files, as an upload of
 * the client who completed it (with the client's own token, so it may only land in a dossier of
 * theirs). The completed-event then has it filed under "Door mij aangeleverd".
 */
@Component
public class DocumentServiceUploads {

    private static final Logger log = LoggerFactory.getLogger(DocumentServiceUploads.class);

    private final RestClient documents;

    DocumentServiceUploads(RestClient.Builder builder, @Value("${portal.document-service-url}") String url) {
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(Duration.ofSeconds(2));
        requestFactory.setReadTimeout(Duration.ofSeconds(20));
        this.documents = builder.clone().baseUrl(url).requestFactory(requestFactory).build();
    }

    /** Uploads the PDF and answers the upload's id (which becomes the document's id). */
    public String uploadPdf(String dossierId, String fileName, byte[] pdf) {
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_PDF);
        fileHeaders.setContentDisposition(ContentDisposition.formData().name("file")
                .filename(fileName, StandardCharsets.UTF_8).build());
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, fileHeaders));
        parts.add("dossierId", dossierId);
        try {
            UploadView upload = documents.post().uri("/api/uploads").headers(h -> h.setBearerAuth(CallerToken.required()))
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(UploadView.class);
            if (upload == null || upload.id() == null) {
                throw new RestClientException("document-service answered without an upload id");
            }
            return upload.id();
        } catch (RestClientException e) {
            // the PDF is ours, so a refusal is not the caller's fault either: the client may simply try again
            log.warn("document-service did not take a questionnaire PDF: {}", e.getClass().getSimpleName());
            throw new ServiceUnavailableException("Your answers could not be filed just now. Please try again in a moment.");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UploadView(String id) {
    }
}
