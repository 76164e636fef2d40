package nl.notaris.portal.questionnaire.definition;

/** The kinds of question a questionnaire can ask. */
public enum QuestionType {
    shortText, longText, number, amount, date, yesNo, choice, multiChoice, group
}
