package nl.notaris.portal.questionnaire.definition;

import static nl.notaris.portal.questionnaire.Fixtures.definition;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import nl.notaris.portal.questionnaire.Fixtures;
import nl.notaris.portal.support.web.InvalidRequestException;

class DefinitionValidatorTest {

    @Test
    void theDemoQuestionnaireIsValid() {
        assertThatCode(() -> DefinitionValidator.check(Fixtures.aankoopWoning())).doesNotThrowAnyException();
    }

    /** Each wrong definition is named at its place; the page and question around it are valid. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'id':'q','type':'choice','label':'Kies','options':[{'value':'a','label':'A'}]} | pages[0].questions[1].options",
            "{'id':'q','type':'shortText','label':'Nr','format':'kvk'} | pages[0].questions[1].format",
            "{'id':'naam','type':'shortText','label':'Dubbel'} | pages[0].questions[1].id",
            "{'id':'q','type':'number','label':'Aantal','min':5,'max':1} | pages[0].questions[1].max",
            "{'id':'q','type':'date','label':'Datum','minDate':'gisteren'} | pages[0].questions[1].minDate",
            "{'id':'q','type':'yesNo','label':'Later?','showIf':{'question':'later','equals':true}} | pages[0].questions[1].showIf.question",
            "{'id':'q','type':'group','label':'Erven','questions':[{'id':'g','type':'group','label':'In','questions':[{'id':'x','type':'yesNo','label':'X'}]}]} | pages[0].questions[1].questions[0].type",
            "{'id':'q','type':'group','label':'Erven','questions':[]} | pages[0].questions[1].questions",
            "{'id':'q','type':'yesNo','label':''} | pages[0].questions[1].label",
            "{'id':'q','type':'number','label':'Aantal','format':'iban'} | pages[0].questions[1].format" })
    void aWrongDefinitionIsNamedAtItsPlace(String question, String place) {
        Definition wrong = definition(("{'key':'test','title':'Test','pages':[{'id':'p1','title':'Een','questions':["
                + "{'id':'naam','type':'shortText','label':'Naam'}," + question + "]},"
                + "{'id':'p2','title':'Twee','questions':[{'id':'later','type':'yesNo','label':'Later'}]}]}")
                .replace('\'', '"'));
        assertThatThrownBy(() -> DefinitionValidator.check(wrong)).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo(place);
    }

    @Test
    void pagesNeedTheirOwnIds() {
        Definition wrong = definition("""
                {"key":"test","title":"Test","pages":[
                  {"id":"p1","title":"Een","questions":[{"id":"a","type":"yesNo","label":"A"}]},
                  {"id":"p1","title":"Twee","questions":[{"id":"b","type":"yesNo","label":"B"}]}]}""");
        assertThatThrownBy(() -> DefinitionValidator.check(wrong))
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("pages[1].id");
    }

    @Test
    void aConditionMayReferToAnEarlierPage() {
        Definition valid = definition("""
                {"key":"test","title":"Test","pages":[
                  {"id":"p1","title":"Een","questions":[{"id":"a","type":"yesNo","label":"A"}]},
                  {"id":"p2","title":"Twee","questions":[{"id":"b","type":"yesNo","label":"B","showIf":{"question":"a","equals":true}}]}]}""");
        assertThatCode(() -> DefinitionValidator.check(valid)).doesNotThrowAnyException();
    }
}
