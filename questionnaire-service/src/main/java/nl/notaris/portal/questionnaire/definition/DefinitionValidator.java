package nl.notaris.portal.questionnaire.definition;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.notaris.portal.support.web.InvalidRequestException;

/**
 * Checks a definition when the office uploads it, and names the place of the first mistake
 * ({@code pages[1].questions[3].options}): unique ids, known types and formats, options for choices,
 * questions for groups (no groups in groups), sensible bounds, and conditions that refer to an
 * earlier question — on an earlier page, earlier on the same page, or earlier in the same group.
 */
public final class DefinitionValidator {

    static final Set<String> FORMATS = Set.of("postcode", "iban", "bsn", "email", "phone");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,59}");

    private DefinitionValidator() {
    }

    public static void check(Definition definition) {
        require(definition.key() != null && KEY.matcher(definition.key()).matches(), "key",
                "key must be 2-60 lower-case letters, digits or dashes.");
        text(definition.title(), "title", 200, true);
        text(definition.intro(), "intro", 2000, false);
        require(definition.pages() != null && !definition.pages().isEmpty() && definition.pages().size() <= 30, "pages",
                "A questionnaire has 1 to 30 pages.");
        Set<String> pageIds = new HashSet<>();
        Map<String, Definition.Question> earlier = new HashMap<>();
        for (int p = 0; p < definition.pages().size(); p++) {
            Definition.Page page = definition.pages().get(p);
            String at = "pages[" + p + "]";
            require(page != null, at, "A page is missing.");
            require(page.id() != null && ID.matcher(page.id()).matches() && pageIds.add(page.id()), at + ".id",
                    "Each page needs its own id (lower-case letters, digits, dashes).");
            text(page.title(), at + ".title", 200, true);
            text(page.intro(), at + ".intro", 2000, false);
            questions(page.questions(), at + ".questions", earlier, false);
        }
    }

    private static void questions(List<Definition.Question> questions, String at,
            Map<String, Definition.Question> earlier, boolean inGroup) {
        require(questions != null && !questions.isEmpty() && questions.size() <= 50, at,
                "Give 1 to 50 questions.");
        Map<String, Definition.Question> scope = inGroup ? new HashMap<>() : earlier;
        for (int q = 0; q < questions.size(); q++) {
            Definition.Question question = questions.get(q);
            String here = at + "[" + q + "]";
            require(question != null, here, "A question is missing.");
            require(question.id() != null && ID.matcher(question.id()).matches() && !scope.containsKey(question.id()),
                    here + ".id", "Each question needs its own id (lower-case letters, digits, dashes).");
            require(question.type() != null, here + ".type",
                    "type is one of shortText, longText, number, amount, date, yesNo, choice, multiChoice, group.");
            text(question.label(), here + ".label", 500, true);
            text(question.help(), here + ".help", 1000, false);
            condition(question, here, scope);
            switch (question.type()) {
                case shortText -> {
                    require(question.format() == null || FORMATS.contains(question.format()), here + ".format",
                            "format is one of " + FORMATS + ".");
                    maxLength(question, here, 500);
                }
                case longText -> maxLength(question, here, 20_000);
                case number, amount -> require(question.min() == null || question.max() == null
                        || question.min() <= question.max(), here + ".max", "max must not be below min.");
                case date -> dates(question, here);
                case choice, multiChoice -> options(question, here);
                case group -> {
                    require(!inGroup, here + ".type", "A group cannot hold another group.");
                    int min = question.minItems() == null ? 0 : question.minItems();
                    int max = question.maxItems() == null ? 20 : question.maxItems();
                    require(min >= 0 && max >= 1 && min <= max && max <= 50, here + ".maxItems",
                            "A group repeats between minItems and maxItems times (at most 50).");
                    text(question.itemLabel(), here + ".itemLabel", 100, false);
                    questions(question.questions(), here + ".questions", earlier, true);
                }
                case yesNo -> {
                    // nothing to refine
                }
            }
            require(question.type() == QuestionType.shortText || question.format() == null, here + ".format",
                    "Only a short text has a format.");
            scope.put(question.id(), question);
        }
    }

    private static void condition(Definition.Question question, String here, Map<String, Definition.Question> scope) {
        if (question.showIf() == null) {
            return;
        }
        Definition.Question referred = scope.get(question.showIf().question());
        require(referred != null, here + ".showIf.question",
                "showIf refers to an earlier question (an earlier page, earlier on this page, or earlier in this group).");
        require(referred.type() != QuestionType.group && referred.type() != QuestionType.multiChoice,
                here + ".showIf.question", "showIf can refer to a single answer, not a group or several choices.");
        require(question.showIf().equals() != null, here + ".showIf.equals", "showIf.equals is required.");
    }

    private static void options(Definition.Question question, String here) {
        require(question.options() != null && question.options().size() >= 2 && question.options().size() <= 50,
                here + ".options", "A choice has 2 to 50 options.");
        Set<String> values = new HashSet<>();
        for (int o = 0; o < question.options().size(); o++) {
            Definition.Option option = question.options().get(o);
            require(option != null && option.value() != null && !option.value().isBlank() && values.add(option.value()),
                    here + ".options[" + o + "].value", "Each option needs its own value.");
            text(option.label(), here + ".options[" + o + "].label", 200, true);
        }
    }

    private static void dates(Definition.Question question, String here) {
        LocalDate min = date(question.minDate(), here + ".minDate");
        LocalDate max = date(question.maxDate(), here + ".maxDate");
        require(min == null || max == null || !min.isAfter(max), here + ".maxDate", "maxDate must not be before minDate.");
    }

    /** The date, or null for none and for {@code today} (which moves, so it is not compared here). */
    private static LocalDate date(String value, String at) {
        if (value == null || value.equals("today")) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(at, at + " must be a date (YYYY-MM-DD) or 'today'.");
        }
    }

    private static void maxLength(Definition.Question question, String here, int limit) {
        require(question.maxLength() == null || (question.maxLength() >= 1 && question.maxLength() <= limit),
                here + ".maxLength", "maxLength is between 1 and " + limit + ".");
    }

    private static void text(String value, String at, int max, boolean required) {
        if (value == null || value.isBlank()) {
            require(!required, at, at + " is required.");
            return;
        }
        require(value.length() <= max, at, at + " is at most " + max + " characters.");
    }

    private static void require(boolean condition, String at, String message) {
        if (!condition) {
            throw new InvalidRequestException(at, message);
        }
    }
}
