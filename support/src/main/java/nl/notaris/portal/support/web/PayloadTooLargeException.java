package nl.notaris.portal.support.web;

/** An upload or request that exceeds a configured limit (413), naming what was too large. */
public class PayloadTooLargeException extends RuntimeException {

    private final String field;

    public PayloadTooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
