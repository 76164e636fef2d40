package nl.notaris.portal.support.web;

/** A request that is well-formed but names something that is not acceptable, e.g. an unknown party. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
