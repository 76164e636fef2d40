package nl.notaris.portal.questionnaire.answers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.notaris.portal.questionnaire.definition.Definition.Question;
import nl.notaris.portal.questionnaire.definition.QuestionType;

/**
 * Tidies a page's answers before they are checked and kept, as the browser does before it sends
 * them: text trimmed, a postcode written as "1015 CJ", empty answers left out, and the answers of
 * questions that are not shown (their condition is not met) dropped, so a changed mind leaves
 * nothing behind.
 */
public final class Answers {

    private Answers() {
    }

    /**
     * @param all every question of the page (hidden ones too)
     * @param shown the questions that earlier pages let show ({@link PageSchemas#visible})
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> clean(List<Question> all, List<Question> shown, Map<String, Object> raw) {
        Set<String> known = all.stream().map(Question::id).collect(Collectors.toSet());
        Map<String, Object> cleaned = new LinkedHashMap<>();
        for (Question question : shown) {
            Object value = tidy(question, raw.get(question.id()));
            if (value != null && conditionMet(question, shown, cleaned)) {
                cleaned.put(question.id(), value);
            }
        }
        // anything that is no question of this page stays, so the check names it
        raw.forEach((name, value) -> {
            if (!known.contains(name)) {
                cleaned.put(name, value);
            }
        });
        return cleaned;
    }

    @SuppressWarnings("unchecked")
    private static Object tidy(Question question, Object value) {
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            // very long numbers are kept as the doubles they are compared as
            return ((Number) value).doubleValue();
        }
        if (value instanceof String text) {
            String trimmed = trim(text);
            if (trimmed.isEmpty()) {
                return null;
            }
            return "postcode".equals(question.format()) ? Formats.tidyPostcode(trimmed) : trimmed;
        }
        if (question.type() == QuestionType.group && value instanceof List<?> blocks) {
            List<Object> items = new ArrayList<>();
            for (Object block : blocks) {
                items.add(block instanceof Map<?, ?> map
                        ? clean(question.questions(), question.questions(), (Map<String, Object>) map) : block);
            }
            return items;
        }
        return value;
    }

    /**
     * A text without the spaces around it, as the browser trims (JavaScript's {@code String.prototype.trim}): Unicode
     * spaces (a non-breaking one too), tab, line breaks, form feed and the byte order mark. Control characters stay, for
     * {@link AnswerCharacters} to refuse.
     */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isSpaceChar(c) || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\uFEFF';
    }

    private static boolean conditionMet(Question question, List<Question> siblings, Map<String, Object> cleaned) {
        return question.showIf() == null || !PageSchemas.conditionOnSamePage(question, siblings)
                || PageSchemas.equal(cleaned.get(question.showIf().question()), question.showIf().equals());
    }
}
