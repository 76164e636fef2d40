package nl.notaris.portal.support.web;

import org.springframework.http.HttpStatus;

/**
 * A problem with a status of its own, e.g. one that another service answered and this one passes
 * on as it is (a refused file type: 415). Names the field when there is one.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ProblemException(HttpStatus status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
