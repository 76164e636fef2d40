package nl.notaris.portal.questionnaire.answers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.notaris.portal.questionnaire.definition.Definition;
import nl.notaris.portal.support.web.NotFoundException;

/**
 * Checks a questionnaire's answers page by page with the schemas of {@link PageSchemas}: one page
 * when the client clicks "Volgende", all pages when the client completes. What an earlier page
 * answered decides which questions a later page shows.
 */
public final class AnswerCheck {

    private final Definition definition;
    private final AnswerValidator validator;

    public AnswerCheck(Definition definition, LocalDate today) {
        this.definition = definition;
        this.validator = new AnswerValidator(today);
    }

    /** The page's answers tidied and checked; {@link AnswersInvalidException} naming each refused answer. */
    public Map<String, Object> page(String pageId, Map<String, Object> answers, Map<String, Map<String, Object>> saved) {
        int index = indexOf(pageId);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> checked = check(index, answers, earlier(index, saved), errors);
        errors.addAll(AnswerCharacters.refused(checked, errors));
        if (!errors.isEmpty()) {
            throw new AnswersInvalidException(errors);
        }
        return checked;
    }

    /**
     * Every page checked again in order, as at completion; the errors name their page. Characters are
     * not checked here: answers saved before that check existed still complete, and their PDF leaves such characters out.
     */
    public Map<String, Map<String, Object>> all(Map<String, Map<String, Object>> saved) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Map<String, Object>> checked = new LinkedHashMap<>();
        for (int i = 0; i < definition.pages().size(); i++) {
            String pageId = definition.pages().get(i).id();
            List<FieldError> pageErrors = new ArrayList<>();
            checked.put(pageId, check(i, saved.getOrDefault(pageId, Map.of()), earlier(i, checked), pageErrors));
            pageErrors.forEach(error -> errors.add(error.onPage(pageId)));
        }
        if (!errors.isEmpty()) {
            throw new AnswersInvalidException(errors);
        }
        return checked;
    }

    /** Each page's schema as the saved answers of earlier pages shape it, for the browser. */
    public Map<String, Map<String, Object>> schemas(Map<String, Map<String, Object>> saved) {
        Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();
        for (int i = 0; i < definition.pages().size(); i++) {
            Definition.Page page = definition.pages().get(i);
            schemas.put(page.id(), PageSchemas.of(page, earlier(i, saved)));
        }
        return schemas;
    }

    /** The id of the page after this one, or null after the last. */
    public String pageAfter(String pageId) {
        int next = indexOf(pageId) + 1;
        return next < definition.pages().size() ? definition.pages().get(next).id() : null;
    }

    private Map<String, Object> check(int index, Map<String, Object> answers, Map<String, Object> earlier,
            List<FieldError> errors) {
        Definition.Page page = definition.pages().get(index);
        Map<String, Object> cleaned = Answers.clean(page.questions(), PageSchemas.visible(page.questions(), earlier),
                answers == null ? Map.of() : answers);
        errors.addAll(validator.validate(PageSchemas.of(page, earlier), cleaned));
        return cleaned;
    }

    /** The answers of the pages before {@code index}, by question id. */
    private Map<String, Object> earlier(int index, Map<String, Map<String, Object>> saved) {
        Map<String, Object> earlier = new LinkedHashMap<>();
        for (int i = 0; i < index; i++) {
            earlier.putAll(saved.getOrDefault(definition.pages().get(i).id(), Map.of()));
        }
        return earlier;
    }

    private int indexOf(String pageId) {
        for (int i = 0; i < definition.pages().size(); i++) {
            if (definition.pages().get(i).id().equals(pageId)) {
                return i;
            }
        }
        throw new NotFoundException("This questionnaire has no page '" + pageId + "'.");
    }
}
