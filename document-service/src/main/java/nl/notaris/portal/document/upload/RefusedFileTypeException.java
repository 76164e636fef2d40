package nl.notaris.portal.document.upload;

/** A file whose content is not a type clients may deliver (415, naming the file). */
public class RefusedFileTypeException extends RuntimeException {

    public RefusedFileTypeException(String message) {
        super(message);
    }
}
