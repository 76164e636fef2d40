package nl.notaris.portal.support.uploads;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.support.security.CallerToken;
import nl.notaris.portal.support.web.ProblemException;
import nl.notaris.portal.support.web.ServiceUnavailableException;

/**
 * document-service's uploads ({@code /api/uploads}), which a service calls to hand it a file or to name
 * one of the caller's uploads: always with the caller's own token, so document-service applies its own
 * rules (an upload is only visible to the account that made it, and lands only in a dossier of theirs).
 *
 * <p>Files are streamed on (in chunks, never held in memory here). Connecting may take 2 s; an answer
 * {@code portal.document-service-read-timeout} (20 s unless a service that hands on large files sets
 * more). A refusal of document-service (a 4xx: type, size, an unfinished upload) is passed on as it is,
 * as a {@link ProblemException} with its status, English detail and the code and parameters the web app
 * says; no answer (a timeout, a 5xx, an answer without an upload) is a 503 the caller may try again.
 * Switched on by {@code portal.document-service-url} ({@link DocumentServiceUploadsAutoConfiguration}).
 */
public class DocumentServiceUploads {

    private static final Logger log = LoggerFactory.getLogger(DocumentServiceUploads.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration MARK_TIMEOUT = Duration.ofSeconds(10);
    static final int CHUNK_SIZE = 64 * 1024;
    private static final String STORE_LATER = "The file could not be stored just now. Please try again.";
    private static final String CHECK_LATER = "The attachments could not be checked just now. Please try again.";

    private final RestClient documents;
    private final RestClient marks;

    public DocumentServiceUploads(RestClient.Builder builder, String url, Duration readTimeout) {
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(CONNECT_TIMEOUT);
        requestFactory.setReadTimeout(readTimeout);
        // stream the files instead of buffering them
        requestFactory.setChunkSize(CHUNK_SIZE);
        this.documents = builder.clone().baseUrl(url).requestFactory(requestFactory).build();
        // marking an upload sent is a PATCH, which HttpURLConnection does not know
        var patchFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build());
        patchFactory.setReadTimeout(MARK_TIMEOUT);
        this.marks = builder.clone().baseUrl(url).requestFactory(patchFactory).build();
    }

    /**
     * Uploads a file for the dossier as the caller: {@code fileName} arrives whole (also as
     * {@code filename*} in UTF-8). A refusal is passed on with field {@code files}.
     */
    public Upload store(String dossierId, String fileName, MediaType contentType, Resource content) {
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(contentType);
        fileHeaders.setContentDisposition(ContentDisposition.formData().name("file")
                .filename(fileName, StandardCharsets.UTF_8).build());
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(content, fileHeaders));
        parts.add("dossierId", dossierId);
        Upload upload;
        try {
            upload = documents.post().uri("/api/uploads").headers(h -> h.setBearerAuth(CallerToken.required()))
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(Upload.class);
        } catch (HttpClientErrorException e) {
            throw passOn(e, "files");
        } catch (RestClientException e) {
            throw unavailable("store a file", e, STORE_LATER);
        }
        if (upload == null || upload.id() == null) {
            throw unavailable("store a file", null, STORE_LATER);
        }
        return upload;
    }

    /** An upload of the caller, when it exists (an unknown or malformed id, or someone else's, is none). */
    public Optional<Upload> find(String uploadId) {
        try {
            return Optional.ofNullable(documents.get().uri("/api/uploads/{id}", uploadId)
                    .headers(h -> h.setBearerAuth(CallerToken.required())).retrieve().body(Upload.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 404 || e.getStatusCode().value() == 400) {
                return Optional.empty();
            }
            throw passOn(e, "files");
        } catch (RestClientException e) {
            throw unavailable("find an upload", e, CHECK_LATER);
        }
    }

    /**
     * Tells document-service that the message names the upload: from then on its sender cannot remove
     * it. False when the upload is gone meanwhile (404); other refusals are passed on with field
     * {@code uploads}.
     */
    public boolean markSent(String uploadId, String messageId) {
        try {
            marks.patch().uri("/api/uploads/{id}", uploadId).headers(h -> h.setBearerAuth(CallerToken.required()))
                    .contentType(MediaType.APPLICATION_JSON).body(new Sent(messageId)).retrieve().toBodilessEntity();
            return true;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 404) {
                return false;
            }
            throw passOn(e, "uploads");
        } catch (RestClientException e) {
            throw unavailable("mark an upload sent", e, CHECK_LATER);
        }
    }

    /** document-service's refusal as it is: status, English detail, and the code and parameters the web app says. */
    private static ProblemException passOn(HttpClientErrorException e, String field) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        Problem problem = problemIn(e);
        String detail = problem != null && problem.detail() != null ? problem.detail() : "The file was not accepted.";
        if (problem == null || problem.code() == null) {
            return new ProblemException(status, field, detail);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (problem.params() != null) {
            problem.params().forEach((name, value) -> {
                if (name != null && value != null) {
                    params.put(name, value);
                }
            });
        }
        return new ProblemException(status, field, detail, problem.code(), params);
    }

    private static Problem problemIn(HttpClientErrorException e) {
        try {
            return e.getResponseBodyAs(Problem.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static ServiceUnavailableException unavailable(String what, RestClientException e, String detail) {
        log.warn("document-service did not answer when asked to {}: {}", what,
                e == null ? "no upload in its answer" : e.getClass().getSimpleName());
        return new ServiceUnavailableException(detail);
    }

    /** An upload as document-service describes it; {@code status} is {@code COMPLETE} once every byte is in. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Upload(String id, String dossierId, String fileName, long size, String contentType, String status) {

        public boolean isComplete() {
            return "COMPLETE".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String detail, String code, Map<String, String> params) {
    }

    record Sent(String messageId) {
    }
}
