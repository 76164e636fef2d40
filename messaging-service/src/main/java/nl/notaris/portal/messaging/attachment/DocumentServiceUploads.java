package nl.notaris.portal.messaging.attachment;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.support.web.ProblemException;
import nl.notaris.portal.support.web.ServiceUnavailableException;
import nl.notaris.portal.support.security.CallerToken;

/**
 * The uploads at document-service, called with the caller's own token: an upload is only visible
 * to the account that made it, so a client can attach only its own files. The office's files are
 * streamed on to document-service (from this service's temporary file), never held in memory. An
 * upload a message names is marked sent before the message is saved, so it cannot be removed under it.
 */
@Component
public class DocumentServiceUploads {

    private static final Logger log = LoggerFactory.getLogger(DocumentServiceUploads.class);

    private final RestClient documents;
    private final RestClient marks;

    DocumentServiceUploads(RestClient.Builder builder, @Value("${portal.document-service-url}") String url) {
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(Duration.ofSeconds(2));
        requestFactory.setReadTimeout(Duration.ofSeconds(120));
        // stream the office's files instead of buffering them
        requestFactory.setChunkSize(64 * 1024);
        this.documents = builder.clone().baseUrl(url).requestFactory(requestFactory).build();
        // marking an upload sent is a PATCH, which HttpURLConnection does not know
        var patchFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build());
        patchFactory.setReadTimeout(Duration.ofSeconds(10));
        this.marks = builder.clone().baseUrl(url).requestFactory(patchFactory).build();
    }

    /** An upload of the caller, when it exists. */
    public Optional<UploadView> find(String uploadId) {
        try {
            return Optional.ofNullable(documents.get().uri("/api/uploads/{id}", uploadId)
                    .headers(h -> h.setBearerAuth(CallerToken.required())).retrieve().body(UploadView.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 404 || e.getStatusCode().value() == 400) {
                return Optional.empty();
            }
            throw passOn(e, "files");
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    /**
     * Tells document-service that the message names the upload: from then on its sender cannot remove
     * it. An upload that is gone meanwhile is "not found"; other refusals are passed on as they are.
     */
    public void markSent(String uploadId, String messageId) {
        try {
            marks.patch().uri("/api/uploads/{id}", uploadId).headers(h -> h.setBearerAuth(CallerToken.required()))
                    .contentType(MediaType.APPLICATION_JSON).body(new Sent(messageId)).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 404) {
                throw uploadNotFound(uploadId);
            }
            throw passOn(e, "uploads");
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    /** Uploads one of the office's files for the dossier; refusals (type, size) are passed on as they are. */
    public UploadView store(String dossierId, MultipartFile file) {
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        fileHeaders.setContentDisposition(ContentDisposition.formData().name("file")
                .filename(file.getOriginalFilename() == null ? "document" : file.getOriginalFilename(),
                        StandardCharsets.UTF_8)
                .build());
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(file.getResource(), fileHeaders));
        parts.add("dossierId", dossierId);
        try {
            return documents.post().uri("/api/uploads").headers(h -> h.setBearerAuth(CallerToken.required()))
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(UploadView.class);
        } catch (HttpClientErrorException e) {
            throw passOn(e, "files");
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    /**
     * An upload that a message names but that is gone (expired or removed) or not the sender's: 400
     * {@code message.upload-not-found}, its id in {@code upload}.
     */
    public static ProblemException uploadNotFound(String uploadId) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "uploads", "Upload " + uploadId + " was not found.",
                "message.upload-not-found", Map.of("upload", uploadId));
    }

    /** document-service's refusal as it is: status, English detail, and the code and parameters the web app says. */
    private static RuntimeException passOn(HttpClientErrorException e, String field) {
        HttpStatusCode status = e.getStatusCode();
        Problem problem = problemIn(e);
        String detail = problem != null && problem.detail() != null ? problem.detail() : "The file was not accepted.";
        if (problem == null || problem.code() == null) {
            return new ProblemException(HttpStatus.valueOf(status.value()), field, detail);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (problem.params() != null) {
            problem.params().forEach((name, value) -> {
                if (name != null && value != null) {
                    params.put(name, value);
                }
            });
        }
        return new ProblemException(HttpStatus.valueOf(status.value()), field, detail, problem.code(), params);
    }

    private static Problem problemIn(HttpClientErrorException e) {
        try {
            return e.getResponseBodyAs(Problem.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static ServiceUnavailableException unavailable(RestClientException e) {
        log.warn("document-service did not answer about an upload: {}", e.getClass().getSimpleName());
        return new ServiceUnavailableException("The attachments could not be checked just now. Please try again.");
    }


    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UploadView(String id, String dossierId, String fileName, long size, String contentType,
            String status) {

        public boolean isComplete() {
            return "COMPLETE".equals(status);
        }

        public Attachment attachment() {
            return new Attachment(id, fileName, size, contentType);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String detail, String code, Map<String, String> params) {
    }

    record Sent(String messageId) {
    }
}
