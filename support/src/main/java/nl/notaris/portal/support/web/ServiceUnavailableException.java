package nl.notaris.portal.support.web;

/** Something this service depends on did not answer in time; the caller may try again (503). */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
