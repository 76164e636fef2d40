package nl.notaris.portal.questionnaire.answers;

import java.util.List;

/** Answers that break the questionnaire's rules: a 400 that names every question concerned. */
public class AnswersInvalidException extends RuntimeException {

    private final List<FieldError> errors;

    public AnswersInvalidException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).reduce((a, b) -> a + "; " + b).orElse("The answers are not valid."));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
