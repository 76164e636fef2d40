package nl.notaris.portal.support.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import jakarta.servlet.http.HttpServletRequest;
import nl.notaris.portal.support.data.DatabaseCircuitBreaker;
import tools.jackson.core.JacksonException;

/**
 * RFC 9457 problem details for every error. Validation problems name the fields in {@code errors}
 * and in the detail, so a person (and the web app) can tell what to correct. Nothing a caller can
 * send answers 5xx: a 500 means a fault on our side, and says nothing of it.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    /** Two saves of one object at the same moment: the second is told to reload, not given a 500. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Conflict",
                "Someone else changed this at the same moment. Reload it and try again.");
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()), e.field(), e.getMessage());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return withField(problem(HttpStatus.CONTENT_TOO_LARGE, "Too large", e.getMessage()), e.field(), e.getMessage());
    }

    @ExceptionHandler(ProblemException.class)
    ProblemDetail problem(ProblemException e) {
        ProblemDetail problem = problem(e.status(), e.status().getReasonPhrase(), e.getMessage());
        if (e.code() != null) {
            problem.setProperty("code", e.code());
            problem.setProperty("params", e.params());
        }
        return e.field() == null ? problem : withField(problem, e.field(), e.getMessage());
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ProblemDetail unavailable(ServiceUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", e.getMessage());
    }

    /** MongoDB did not answer within the driver's timeouts: the caller may try again; the breaker counts it. */
    @ExceptionHandler({ DataAccessResourceFailureException.class, MongoTimeoutException.class, MongoSocketException.class,
            MongoConnectionPoolClearedException.class })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("Database not available: {}", e.getClass().getSimpleName());
        request.setAttribute(DatabaseCircuitBreaker.DATABASE_FAILED, Boolean.TRUE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "The database does not answer at the moment. Please try again shortly."));
    }

    /** The driver's pool was cleared because the server stopped answering: as unavailable as a timeout. */
    @ExceptionHandler(UncategorizedMongoDbException.class)
    ResponseEntity<ProblemDetail> uncategorized(UncategorizedMongoDbException e, HttpServletRequest request) {
        if (e.getCause() instanceof MongoConnectionPoolClearedException || e.getCause() instanceof MongoSocketException
                || e.getCause() instanceof MongoTimeoutException) {
            return databaseUnavailable(e, request);
        }
        log.error("Unexpected database error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side. Please try again later."));
    }

    /** A multipart body that cannot be parsed (cut off, no boundary, a broken part header). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformedUpload(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Too large", "The upload is larger than allowed.");
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The upload could not be read: the multipart body is not well-formed.");
    }

    /**
     * Spring Security's firewall refuses what it reads late, such as a form parameter whose name holds a
     * line break (read when a body is turned into parameters): the caller's mistake, not ours.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request contains a character that is not allowed in a parameter name or value.");
    }

    /** A check in a controller or service that the caller's role does not pass (the security filters answer the rest). */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your account may not do this.");
    }

    /** Anything unexpected: logged here with its cause, answered without internals. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side. Please try again later.");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        if (field != null && TextFields.refused(ex)) {
            String detail = field + " " + TextFields.CHARACTER_NOT_ALLOWED + ".";
            return ResponseEntity.badRequest().body(withField(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail), field, detail));
        }
        return super.handleTypeMismatch(ex, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::describe)
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid.");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A body that is not JSON, or JSON of the wrong shape: said plainly, without the parser's
     * internals, naming the place ({@code pages[0].questions[2].type}) when the parser knows it.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String at = path(json.getPath());
            String rule = json.getOriginalMessage();
            String detail = TextFields.NOT_TEXT.equals(rule) || TextFields.CHARACTER_NOT_ALLOWED.equals(rule)
                    ? at + " " + rule + "."
                    : "The request body does not have the expected shape at " + at + ".";
            return ResponseEntity.badRequest()
                    .body(withField(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail), at, detail));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request body is missing or is not JSON of the expected shape."));
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage());
    }

    private static ProblemDetail withField(ProblemDetail problem, String field, String message) {
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
