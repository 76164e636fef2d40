package nl.notaris.portal.document.upload;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The upload's own problems: a refused type (415, naming the file) and a tus offset mismatch (409 with the
 * right offset), with their codes and parameters as {@link UploadRefusals} lists them.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    @ExceptionHandler(RefusedFileTypeException.class)
    ProblemDetail refused(RefusedFileTypeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        problem.setTitle("File type not accepted");
        problem.setProperty("code", e.code());
        problem.setProperty("params", e.params());
        problem.setProperty("errors", List.of(Map.of("field", "file", "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(OffsetMismatchException.class)
    ResponseEntity<ProblemDetail> offsetMismatch(OffsetMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        problem.setProperty("code", "upload.offset-mismatch");
        problem.setProperty("params", Map.of("offset", String.valueOf(e.offset())));
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Upload-Offset", String.valueOf(e.offset()))
                .header(TusUploadController.TUS_RESUMABLE, TusUploadController.VERSION).body(problem);
    }
}
