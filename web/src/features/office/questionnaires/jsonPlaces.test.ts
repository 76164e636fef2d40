import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../../../i18n/i18n';
import { describePlace, explain } from './definitionErrors';
import { jsonPlaces, JsonSyntaxError, placeOf } from './jsonPlaces';

const TEXT = `{
  "key": "aankoop-woning",
  "title": "Aankoop woning",
  "pages": [
    {
      "id": "adres",
      "title": "Adres \\"thuis\\"",
      "questions": [
        { "id": "postcode", "type": "shortText", "label": "Postcode", "format": "zip" },
        {
          "id": "soort",
          "type": "choice",
          "label": "Soort",
          "options": [{ "value": "a", "label": "A" }]
        }
      ]
    }
  ]
}`;

const nl = (key: MessageKey, params?: Params) => translate('nl', key, params);
const en = (key: MessageKey, params?: Params) => translate('en', key, params);

describe('places in the JSON text', () => {
  it('knows the line of every member and item by the path the server writes', () => {
    const places = jsonPlaces(TEXT);
    expect(places.get('key')).toEqual({ line: 2, column: 3, offset: 4 });
    expect(places.get('pages[0]')?.line).toBe(5);
    expect(places.get('pages[0].title')?.line).toBe(7);
    expect(places.get('pages[0].questions[0].format')?.line).toBe(9);
    expect(places.get('pages[0].questions[1].options')?.line).toBe(14);
    expect(places.get('pages[0].questions[1].options[0].value')?.line).toBe(14);
  });

  it('a missing member is placed at the nearest part around it; the whole text has no place', () => {
    const places = jsonPlaces(TEXT);
    expect(placeOf(places, 'pages[0].questions[0].help')?.line).toBe(9);
    expect(placeOf(places, 'pages[0].intro')?.line).toBe(5);
    expect(placeOf(places, 'intro')).toBeUndefined();
  });

  it('says where the text stops being JSON', () => {
    const broken = '{\n  "key": "x",\n  "title": "y",,\n}';
    expect(() => jsonPlaces(broken)).toThrow(JsonSyntaxError);
    try {
      jsonPlaces(broken);
    } catch (e) {
      expect((e as JsonSyntaxError).place).toMatchObject({ line: 3, column: 16 });
    }
    for (const wrong of ['', '{', '{"a" 1}', '[1,]', '{"a": tru}', '"\\x"', '{} {}', '{"a": 01}']) {
      expect(() => jsonPlaces(wrong), wrong).toThrow(JsonSyntaxError);
    }
    for (const right of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}', ' { "a" : { } } ']) {
      expect(() => jsonPlaces(right), right).not.toThrow();
    }
  });
});

describe('a mistake in the office’s words', () => {
  const definition = JSON.parse(TEXT);

  it('names the place by page and question, with their ids', () => {
    expect(describePlace('pages[0].questions[1].options', definition, nl)).toBe('Pagina 1 „adres” › vraag 2 „soort” › keuzes (options)');
    expect(describePlace('pages[0].questions[1].options[0].value', definition, nl)).toBe('Pagina 1 „adres” › vraag 2 „soort” › keuze 1 › waarde (value)');
    expect(describePlace('key', definition, nl)).toBe('Sleutel (key)');
    expect(describePlace('', definition, nl)).toBe('De vragenlijst');
    expect(describePlace('pages[3].foo', definition, en)).toBe('Page 4 › „foo”');
  });

  it('explains the rule; the parser’s "wrong shape" becomes an unknown field or a value of the wrong kind', () => {
    expect(explain('pages[0].questions[1].options', 'A choice has 2 to 50 options.', nl)).toBe('Een keuzevraag heeft 2 tot 50 keuzes.');
    expect(explain('pages[0].questions[1].options[0].label', 'x', nl)).toBe('Elke keuze heeft een tekst van hoogstens 200 tekens.');
    expect(explain('pages[0].questions[0].format', 'format is one of …', en)).toBe('Only a short text (shortText) has a format: postcode, iban, bsn, email or phone.');
    expect(explain('pages[0].colour', 'The request body does not have the expected shape at pages[0].colour.', nl)).toBe(
      'Dit veld kent het portaal niet. Controleer de spelling, of laat het weg.',
    );
    expect(explain('pages[0].questions', 'The request body does not have the expected shape at pages[0].questions.', nl)).toMatch(/verkeerde soort/);
    expect(explain('pages[1]', 'A page is missing.', nl)).toBe('Dit onderdeel ontbreekt (er staat null).');
  });
});
