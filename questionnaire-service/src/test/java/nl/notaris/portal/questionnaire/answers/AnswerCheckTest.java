package nl.notaris.portal.questionnaire.answers;

import static nl.notaris.portal.questionnaire.Fixtures.HOUSE;
import static nl.notaris.portal.questionnaire.Fixtures.LAST;
import static nl.notaris.portal.questionnaire.Fixtures.MONEY;
import static nl.notaris.portal.questionnaire.Fixtures.PERSONAL;
import static nl.notaris.portal.questionnaire.Fixtures.answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import nl.notaris.portal.questionnaire.Fixtures;

/** The rules of answers, on the demo questionnaire "Aankoop woning": one page at a time and all at completion. */
class AnswerCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    final AnswerCheck check = new AnswerCheck(Fixtures.aankoopWoning(), TODAY);


    @Test
    void aCompletePageIsKeptTidied() {
        Map<String, Object> kept = check.page("persoonlijk", answers("""
                {"voornamen":"  Ëlla ","achternaam":"van 't Hoff","geboortedatum":"1985-04-12","bsn":"111222333",
                 "telefoon":"","burgerlijke-staat":"ongehuwd"}"""), Map.of());
        assertThat(kept).containsEntry("voornamen", "Ëlla").doesNotContainKey("telefoon");
    }

    @Test
    void aPostcodeIsKeptAsItIsWritten() {
        assertThat(check.page("woning", answers(HOUSE.replace("1016 GV", " 1016gv ")), Map.of()))
                .containsEntry("postcode", "1016 GV");
    }

    @Test
    void aPostcodeInARepeatingBlockIsKeptAsItIsWrittenToo() {
        AnswerCheck blocks = new AnswerCheck(Fixtures.definition("""
                {"key":"adressen","title":"Adressen","pages":[{"id":"p","title":"P","questions":[
                  {"id":"adressen","type":"group","label":"Adressen","questions":[
                    {"id":"postcode","type":"shortText","label":"Postcode","format":"postcode"}]}]}]}"""), TODAY);
        assertThat(blocks.page("p", answers("{\"adressen\":[{\"postcode\":\"1015cj\"}]}"), Map.of()))
                .isEqualTo(Map.of("adressen", List.of(Map.of("postcode", "1015 CJ"))));
    }

    @Test
    void whatIsNoDutchPostcodeIsRefused() {
        for (String wrong : List.of("1015", "0123 AB", "1015-CJ", "B-1000")) {
            assertRefused("woning", HOUSE.replace("1016 GV", wrong), Map.of())
                    .as(wrong).containsExactly(tuple("postcode", "format", "postcode"));
        }
    }

    @Test
    void requiredQuestionsAreNamed() {
        assertRefused("persoonlijk", "{\"voornamen\":\"Ëlla\",\"achternaam\":\"   \"}", Map.of())
                .containsExactlyInAnyOrder(tuple("achternaam", "required", null), tuple("geboortedatum", "required", null),
                        tuple("bsn", "required", null), tuple("burgerlijke-staat", "required", null));
    }

    @Test
    void formatsAreCheckedOnTheServer() {
        assertRefused("persoonlijk", PERSONAL.replace("111222333", "123456789").replace("}", ",\"telefoon\":\"12\"}"),
                Map.of()).containsExactlyInAnyOrder(tuple("bsn", "format", "bsn"), tuple("telefoon", "format", "phone"));
        assertRefused("woning", HOUSE.replace("1016 GV", "1016"), Map.of())
                .containsExactly(tuple("postcode", "format", "postcode"));
        assertRefused("financiering", MONEY.replace("NL91", "NL92"), Map.of())
                .containsExactly(tuple("iban", "format", "iban"));
    }

    @Test
    void datesKeepTheirRangeRelativeToToday() {
        assertRefused("persoonlijk", PERSONAL.replace("1985-04-12", "2026-11-29"), Map.of())
                .containsExactly(tuple("geboortedatum", "dateRange", null));
        assertRefused("woning", HOUSE.replace("2027-02-01", "2026-11-27"), Map.of())
                .containsExactly(tuple("leveringsdatum", "dateRange", null));
        assertRefused("woning", HOUSE.replace("2027-02-01", "2027-02-30"), Map.of())
                .containsExactly(tuple("leveringsdatum", "format", "date"));
        assertThat(check.page("woning", answers(HOUSE.replace("2027-02-01", "2026-11-28")), Map.of()))
                .containsEntry("leveringsdatum", "2026-11-28");
    }

    @Test
    void amountsAreNumbersWithinTheirBounds() {
        assertRefused("woning", HOUSE.replace("450000", "0"), Map.of()).containsExactly(tuple("koopsom", "minimum", null));
        assertRefused("woning", HOUSE.replace("450000", "\"450000\""), Map.of()).containsExactly(tuple("koopsom", "type", null));
        assertRefused("woning", HOUSE.replace("450000", "1e400"), Map.of()).containsExactly(tuple("koopsom", "type", null));
    }

    @Test
    void aConditionOnTheSamePageMakesAQuestionRequiredOnlyWhenMet() {
        assertRefused("persoonlijk", PERSONAL.replace("ongehuwd", "gehuwd"), Map.of())
                .containsExactly(tuple("huwelijkse-voorwaarden", "required", null));
        Map<String, Object> kept = check.page("persoonlijk",
                answers(PERSONAL.replace("}", ",\"huwelijkse-voorwaarden\":true}")), Map.of());
        assertThat(kept).as("an answer to a question not shown is not kept").doesNotContainKey("huwelijkse-voorwaarden");

        assertRefused("financiering", "{\"hypotheek\":true,\"iban\":\"NL91ABNA0417164300\"}", Map.of())
                .containsExactlyInAnyOrder(tuple("geldverstrekker", "required", null), tuple("hypotheekbedrag", "required", null));
        assertThat(check.page("financiering", answers("""
                {"hypotheek":false,"geldverstrekker":"Rabobank","iban":"NL91ABNA0417164300"}"""), Map.of()))
                .doesNotContainKey("geldverstrekker");
    }

    @Test
    void repeatingGroupsAreCheckedPerBlock() {
        String twoResidents = HOUSE.replace("\"bewoners\":[]", """
                "bewoners":[{"naam":"Bram","relatie":"partner"},{"naam":"","relatie":"buurman","geboortedatum":"2040-01-01"}]""");
        assertRefused("woning", twoResidents, Map.of()).containsExactlyInAnyOrder(
                tuple("bewoners[1].naam", "required", null), tuple("bewoners[1].relatie", "enum", null),
                tuple("bewoners[1].geboortedatum", "dateRange", null));

        String nine = HOUSE.replace("\"bewoners\":[]", "\"bewoners\":[" + "{\"naam\":\"X\",\"relatie\":\"kind\"},".repeat(8)
                + "{\"naam\":\"X\",\"relatie\":\"kind\"}]");
        assertRefused("woning", nine, Map.of()).containsExactly(tuple("bewoners", "maxItems", null));
    }

    @Test
    void severalChoicesAreDistinctOptions() {
        assertRefused("tot-slot", "{\"volmacht\":false,\"documenten\":[\"koopovereenkomst\",\"koopovereenkomst\"]}", Map.of())
                .containsExactly(tuple("documenten", "uniqueItems", null));
        assertRefused("tot-slot", "{\"volmacht\":false,\"documenten\":[\"taxatierapport\"]}", Map.of())
                .containsExactly(tuple("documenten[0]", "enum", null));
    }

    @Test
    void anAnswerToNoQuestionIsRefused() {
        assertRefused("tot-slot", "{\"volmacht\":false,\"admin\":true}", Map.of())
                .containsExactly(tuple("admin", "additionalProperties", null));
    }

    @Test
    void charactersNoDocumentCanHoldAreRefusedNamingTheQuestion() {
        // C0 controls but tab, CR and LF; U+FFFE and U+FFFF; surrogates without their pair (JSON escapes as sent)
        for (String refused : List.of("\\u0000", "\\u0001", "\\u0008", "\\u000b", "\\u001f", "\\ufffe", "\\uffff",
                "\\ud800", "\\udfff", "\\udc00\\ud800")) {
            assertRefused("tot-slot", "{\"volmacht\":false,\"opmerkingen\":\"a" + refused + "b\"}", Map.of()).as(refused)
                    .containsExactly(tuple("opmerkingen", "characters", null));
        }
        assertRefused("woning", HOUSE.replace("\"bewoners\":[]", """
                "bewoners":[{"naam":"Bram","relatie":"partner"},{"naam":"Zoë\\u0007 van 't Hoff","relatie":"kind"}]"""),
                Map.of()).containsExactly(tuple("bewoners[1].naam", "characters", null));
        assertRefused("tot-slot", "{\"volmacht\":false,\"documenten\":[\"koopovereenkomst\\u0001\"]}", Map.of())
                .as("named once").containsExactly(tuple("documenten[0]", "enum", null));
    }

    @Test
    void whatADocumentCanHoldIsKept() {
        Map<String, Object> kept = check.page("tot-slot", answers("""
                {"volmacht":false,"opmerkingen":"regel\\tén\\r\\nregel twee \\ud83c\\udfe0 \\u0085 \\ufffd"}"""), Map.of());
        assertThat(kept).containsEntry("opmerkingen", "regel\tén\r\nregel twee 🏠 \u0085 \ufffd");
    }

    @Test
    void answersSavedBeforeCharactersWereCheckedStillComplete() {
        Map<String, Map<String, Object>> saved = new LinkedHashMap<>();
        saved.put("persoonlijk", answers(PERSONAL));
        saved.put("woning", answers(HOUSE));
        saved.put("financiering", answers(MONEY));
        saved.put("tot-slot", answers(LAST.replace("}", ",\"opmerkingen\":\"a\\u0001b\"}")));
        assertThat(check.all(saved).get("tot-slot")).containsEntry("opmerkingen", "a\u0001b");
    }

    @Test
    void anUnknownPageIsNotFound() {
        assertThatThrownBy(() -> check.page("geheim", Map.of(), Map.of()))
                .isInstanceOf(nl.notaris.portal.support.web.NotFoundException.class);
    }

    @Test
    void completionChecksEveryPageAgainAndNamesThePage() {
        Map<String, Map<String, Object>> saved = new LinkedHashMap<>();
        saved.put("persoonlijk", answers(PERSONAL));
        saved.put("woning", answers(HOUSE));
        assertThatThrownBy(() -> check.all(saved)).isInstanceOfSatisfying(AnswersInvalidException.class,
                e -> assertThat(e.errors()).extracting(FieldError::page, FieldError::field).containsExactlyInAnyOrder(
                        tuple("financiering", "hypotheek"), tuple("financiering", "iban"), tuple("tot-slot", "volmacht")));

        saved.put("financiering", answers(MONEY));
        saved.put("tot-slot", answers(LAST));
        assertThat(check.all(saved)).containsOnlyKeys("persoonlijk", "woning", "financiering", "tot-slot");
    }

    @Test
    void aLaterPageShowsWhatAnEarlierAnswerDecides() {
        String twoPages = """
                {"key":"t","title":"T","pages":[
                  {"id":"p1","title":"Een","questions":[{"id":"erfgenamen","type":"yesNo","label":"Erfgenamen?","required":true}]},
                  {"id":"p2","title":"Twee","questions":[
                    {"id":"aantal","type":"number","label":"Hoeveel?","required":true,"showIf":{"question":"erfgenamen","equals":true}},
                    {"id":"opmerking","type":"longText","label":"Opmerking"}]}]}""";
        AnswerCheck conditional = new AnswerCheck(Fixtures.definition(twoPages), TODAY);
        Map<String, Map<String, Object>> yes = Map.of("p1", Map.of("erfgenamen", true));
        Map<String, Map<String, Object>> no = Map.of("p1", Map.of("erfgenamen", false));

        assertThatThrownBy(() -> conditional.page("p2", Map.of(), yes)).isInstanceOf(AnswersInvalidException.class);
        assertThat(conditional.page("p2", Map.of("aantal", 3), no)).as("hidden, so dropped").isEmpty();
        assertThat(conditional.schemas(no).get("p2")).extractingByKey("properties").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey("aantal");
        assertThat(conditional.schemas(yes).get("p2")).extractingByKey("required").isEqualTo(List.of("aantal"));

        // the client changes the first page's answer after the second was saved: completion drops the hidden answer
        Map<String, Map<String, Object>> changedMind = Map.of("p1", Map.of("erfgenamen", false),
                "p2", Map.of("aantal", 3, "opmerking", "Geen"));
        assertThat(conditional.all(changedMind).get("p2")).isEqualTo(Map.of("opmerking", "Geen"));
    }

    private AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertRefused(String page,
            String json, Map<String, Map<String, Object>> saved) {
        try {
            check.page(page, answers(json), saved);
        } catch (AnswersInvalidException e) {
            return assertThat(e.errors()).extracting(FieldError::field, FieldError::code, FieldError::format);
        }
        throw new AssertionError("The answers were accepted: " + json);
    }
}
