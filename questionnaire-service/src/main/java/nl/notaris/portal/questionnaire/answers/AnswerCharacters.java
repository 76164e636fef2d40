package nl.notaris.portal.questionnaire.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.notaris.portal.questionnaire.pdf.XmlCharacters;

/**
 * Refuses text the PDF of the answers could not hold ({@link XmlCharacters}: control characters,
 * U+FFFE/U+FFFF, unpaired surrogates) when a page is saved, so that no such answer is kept. It is a
 * rule of what can be kept rather than of the questionnaire, so it is not in the pages' schemas.
 */
final class AnswerCharacters {

    private AnswerCharacters() {
    }

    /** One error per text that holds such a character, except for answers already refused otherwise. */
    static List<FieldError> refused(Map<String, Object> answers, List<FieldError> alreadyRefused) {
        Set<String> named = alreadyRefused.stream().map(FieldError::field).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        answers.forEach((name, value) -> check(value, name, named, errors));
        return errors;
    }

    private static void check(Object value, String path, Set<String> named, List<FieldError> errors) {
        switch (value) {
            case String text when !XmlCharacters.allows(text) && !named.contains(path) -> errors.add(new FieldError(
                    null, path, "characters", null, null,
                    path + " contains a character that cannot be saved, such as an invisible control character"));
            case List<?> items -> {
                for (int i = 0; i < items.size(); i++) {
                    check(items.get(i), path + "[" + i + "]", named, errors);
                }
            }
            case Map<?, ?> object -> object.forEach((name, inner) -> check(inner, path + "." + name, named, errors));
            case null, default -> {
                // numbers, yes/no and text XML can hold
            }
        }
    }
}
