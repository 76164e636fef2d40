package nl.notaris.portal.support.web;

import org.springframework.http.HttpStatus;

/** What a problem says when nothing more specific is known: the status in words, never internals. */
final class ProblemTexts {

    private ProblemTexts() {
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is not valid.";
            case UNAUTHORIZED -> "Sign in to use the portal.";
            case FORBIDDEN -> "Your account may not do this.";
            case NOT_FOUND -> "This was not found.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case CONTENT_TOO_LARGE -> "The request is too large.";
            case SERVICE_UNAVAILABLE -> "The service is not available just now. Please try again.";
            default -> status.is4xxClientError() ? "The request could not be handled."
                    : "Something went wrong on our side. Please try again later.";
        };
    }
}
