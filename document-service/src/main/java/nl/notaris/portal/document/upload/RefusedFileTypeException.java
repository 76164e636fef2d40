package nl.notaris.portal.document.upload;

import org.springframework.http.HttpStatus;

import nl.notaris.portal.document.file.FileType;
import nl.notaris.portal.document.file.FileTypes;
import nl.notaris.portal.support.web.ProblemException;

/**
 * A file whose content is not a type clients may deliver (415, naming the file): code
 * {@code upload.refused-type} with {@code file}, {@code kind} and {@code type}.
 */
public class RefusedFileTypeException extends ProblemException {

    public RefusedFileTypeException(String fileName, FileType type) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file", FileTypes.refusal(fileName, type), FileTypes.REFUSED_TYPE,
                FileTypes.refusalParams(fileName, type));
    }
}
