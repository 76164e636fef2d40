package nl.notaris.portal.document.upload;

/** A tus PATCH at another offset than the upload is at (409); the client asks HEAD and resumes there. */
public class OffsetMismatchException extends RuntimeException {

    private final long offset;

    OffsetMismatchException(long offset) {
        super("The upload is at byte " + offset + "; continue from there.");
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
