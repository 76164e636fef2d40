package nl.notaris.portal.support.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A problem with a status of its own, e.g. one that another service answered and this one passes
 * on as it is (a refused file type: 415). Names the field when there is one. A problem a person
 * sees in the web app carries a {@code code} and its {@code params}: the web app says it in the
 * user's language; {@code detail} stays the English sentence for API callers and logs.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String code;
    private final Map<String, String> params;

    public ProblemException(HttpStatus status, String field, String detail) {
        this(status, field, detail, null, Map.of());
    }

    public ProblemException(HttpStatus status, String field, String detail, String code, Map<String, String> params) {
        super(detail);
        this.status = status;
        this.field = field;
        this.code = code;
        this.params = Map.copyOf(params);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** A stable name for the kind of problem, e.g. {@code upload.refused-type}; null when there is none. */
    public String code() {
        return code;
    }

    /** The values the code's sentence needs, e.g. the file name. */
    public Map<String, String> params() {
        return params;
    }
}
