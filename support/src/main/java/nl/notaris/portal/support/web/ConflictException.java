package nl.notaris.portal.support.web;

public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
