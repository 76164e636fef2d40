package nl.notaris.portal.questionnaire;

import java.nio.file.Path;
import java.util.Map;

import nl.notaris.portal.questionnaire.definition.Definition;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The demo questionnaire "Aankoop woning" (the one the local stack sends to Anna) and JSON helpers. */
public final class Fixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final Path AANKOOP_WONING = Path.of("..", "scripts", "questionnaires", "aankoop-woning.json");

    /** Answers to the four pages of "Aankoop woning" that pass every rule. */
    public static final String PERSONAL = """
            {"voornamen":"Ëlla","achternaam":"van 't Hoff","geboortedatum":"1985-04-12","bsn":"111222333",
             "burgerlijke-staat":"ongehuwd"}""";
    public static final String HOUSE = """
            {"adres":"Prinsengracht 263","postcode":"1016 GV","plaats":"Amsterdam","koopsom":450000,
             "leveringsdatum":"2027-02-01","zelf-bewonen":true,"bewoners":[]}""";
    public static final String MONEY = """
            {"hypotheek":true,"geldverstrekker":"Coöperatieve Rabobank U.A.","hypotheekbedrag":380000,
             "iban":"NL91ABNA0417164300"}""";
    public static final String LAST = """
            {"volmacht":false,"documenten":["koopovereenkomst","identiteitsbewijs"]}""";

    private Fixtures() {
    }

    public static Definition aankoopWoning() {
        return JSON.readValue(AANKOOP_WONING.toFile(), Definition.class);
    }

    public static Definition definition(String json) {
        return JSON.readValue(json, Definition.class);
    }

    public static Map<String, Object> answers(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }
}
