package nl.notaris.portal.support.web;

/** The object does not exist or the caller may not see it: both answer 404, so nothing leaks. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
