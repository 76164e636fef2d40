import { describe, expect, it } from 'vitest';
import { AANKOOP_WONING, ALLE_VRAAGSOORTEN, ANNA_ANSWERS } from '../../../test/questionnaires';
import type { PageAnswers } from '../../../lib/api/types';
import { evaluate, type DraftAnswers } from './answers';
import { todayInAmsterdam } from './dates';
import { errorText } from './messages';
import { AnswerValidator, pointerToField } from './validation';

const TODAY = '2026-03-15';
const validator = new AnswerValidator({ today: () => TODAY });
const schema = (pageId: string) => AANKOOP_WONING.schemas[pageId];
const page = (pageId: string) => AANKOOP_WONING.pages.find((p) => p.id === pageId)!;
const errorsOf = (pageId: string, answers: PageAnswers) => validator.validate(schema(pageId), answers);

describe("today's date", () => {
  it('is Amsterdam’s', () => {
    expect(todayInAmsterdam(new Date('2026-03-15T22:30:00Z'))).toBe('2026-03-15');
    expect(todayInAmsterdam(new Date('2026-03-15T23:30:00Z'))).toBe('2026-03-16');
  });
});

describe('validating a page of "Aankoop woning" with the schema the server made for it', () => {
  it('accepts the answers of every page', () => {
    for (const [pageId, answers] of Object.entries(ANNA_ANSWERS)) expect(errorsOf(pageId, answers), pageId).toEqual([]);
  });

  it('maps required, format, maxLength, dateRange and type to {field, code}, one per field', () => {
    expect(
      errorsOf('persoonlijk', { voornamen: 'x'.repeat(121), geboortedatum: '2030-01-01', bsn: '123456789', telefoon: 12 as unknown as string, 'burgerlijke-staat': 'gehuwd' }),
    ).toEqual([
      { field: 'voornamen', code: 'maxLength', limit: 120 },
      { field: 'geboortedatum', code: 'dateRange', min: '1900-01-01', max: 'today' },
      { field: 'bsn', code: 'format', format: 'bsn' },
      { field: 'telefoon', code: 'type' },
      { field: 'achternaam', code: 'required' },
      { field: 'huwelijkse-voorwaarden', code: 'required' },
    ]);
  });

  it('requires a conditional question only when its condition holds (if/then)', () => {
    expect(errorsOf('financiering', { hypotheek: true, iban: 'NL91ABNA0417164300' })).toEqual([
      { field: 'geldverstrekker', code: 'required' },
      { field: 'hypotheekbedrag', code: 'required' },
    ]);
    expect(errorsOf('financiering', { hypotheek: false, iban: 'NL91ABNA0417164300' })).toEqual([]);
    expect(errorsOf('financiering', { hypotheek: true, hypotheekbedrag: 0, geldverstrekker: 'Rabobank', iban: 'NL91ABNA0417164301' })).toEqual([
      { field: 'hypotheekbedrag', code: 'minimum', limit: 1 },
      { field: 'iban', code: 'format', format: 'iban' },
    ]);
  });

  it('names fields inside group blocks like the server: bewoners[1].naam', () => {
    const woning = (bewoners: unknown[]) => ({ ...ANNA_ANSWERS.woning, bewoners }) as PageAnswers;
    expect(errorsOf('woning', woning([{ naam: 'Bram', relatie: 'partner' }, { geboortedatum: '1985-02-30', relatie: 'buurman' }]))).toEqual([
      { field: 'bewoners[1].geboortedatum', code: 'format', format: 'date' },
      { field: 'bewoners[1].relatie', code: 'enum' },
      { field: 'bewoners[1].naam', code: 'required' },
    ]);
    const nine = Array.from({ length: 9 }, () => ({ naam: 'X', relatie: 'kind' }));
    expect(errorsOf('woning', woning(nine))).toEqual([{ field: 'bewoners', code: 'maxItems', limit: 8 }]);
  });

  it('turns JSON Pointers into field paths', () => {
    expect(pointerToField('', 'iban')).toBe('iban');
    expect(pointerToField('/bewoners/1', 'naam')).toBe('bewoners[1].naam');
    expect(pointerToField('/bewoners/1/geboortedatum')).toBe('bewoners[1].geboortedatum');
    expect(pointerToField('/a~1b')).toBe('a/b');
  });

  it('validates only shown questions, and requires a shown question whose condition is on an earlier page', () => {
    const questions = ALLE_VRAAGSOORTEN.pages[0].questions;
    const draft: DraftAnswers = {
      naam: 'Anna',
      kamers: '4',
      koopsom: '350.000',
      overdracht: '2026-06-01',
      nieuwbouw: false,
      soort: 'tussenwoning',
      provincie: 'utrecht',
      kinderen: true,
      kind: [{ key: 'k1', values: { naam: 'Bram', thuis: false, adres: '' } }],
    };
    const evaluation = evaluate(questions, draft, 'nl');
    expect(validator.validatePage(questions, ALLE_VRAAGSOORTEN.schemas.alles, evaluation)).toEqual([{ field: 'kind[0].adres', code: 'required' }]);
    // "kinderen: nee" hides the group: nothing of it is sent nor checked.
    const without = evaluate(questions, { ...draft, kinderen: false }, 'nl');
    expect(without.answers.kind).toBeUndefined();
    expect(validator.validatePage(questions, ALLE_VRAAGSOORTEN.schemas.alles, without)).toEqual([]);

    // A question shown because of an earlier page's answer, which the page's schema cannot require.
    const conditional = [{ id: 'voorwaardenKopie', type: 'shortText' as const, label: 'Kopie', required: true, showIf: { question: 'burgerlijkeStaat', equals: 'gehuwd' } }];
    const shown = evaluate(conditional, { voorwaardenKopie: '' }, 'nl', (id) => (id === 'burgerlijkeStaat' ? 'gehuwd' : undefined));
    expect(validator.validatePage(conditional, { type: 'object', properties: { voorwaardenKopie: { type: 'string' } } }, shown)).toEqual([
      { field: 'voorwaardenKopie', code: 'required' },
    ]);
    const hidden = evaluate(conditional, { voorwaardenKopie: '' }, 'nl', () => 'ongehuwd');
    expect(validator.validatePage(conditional, undefined, hidden)).toEqual([]);
  });

  it('checks a schema with an $id again without complaint', () => {
    const withId = { ...schema('woning'), $id: 'https://portal.example/schemas/woning' };
    expect(validator.validate(withId, ANNA_ANSWERS.woning)).toEqual([]);
    expect(validator.validate({ ...withId }, { ...ANNA_ANSWERS.woning, postcode: '0123 AB' })).toEqual([{ field: 'postcode', code: 'format', format: 'postcode' }]);
  });
});

describe('error messages', () => {
  const q = (pageId: string, id: string) => page(pageId).questions.find((x) => x.id === id);
  const bewoner = (id: string) => q('woning', 'bewoners')!.questions!.find((x) => x.id === id);
  it('says per kind what is wrong, in Dutch and English', () => {
    expect(errorText({ field: 'iban', code: 'format', format: 'iban' }, q('financiering', 'iban'), 'nl')).toBe(
      'Vul een geldig IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.',
    );
    expect(errorText({ field: 'iban', code: 'format', format: 'iban' }, q('financiering', 'iban'), 'en')).toBe(
      'Enter a valid IBAN, for example NL91 ABNA 0417 1643 00.',
    );
    expect(errorText({ field: 'postcode', code: 'format' }, q('woning', 'postcode'), 'nl')).toBe('Vul een geldige postcode in, bijvoorbeeld 1234 AB.');
    expect(errorText({ field: 'bsn', code: 'format', format: 'bsn' }, q('persoonlijk', 'bsn'), 'nl')).toBe('Vul een geldig burgerservicenummer (BSN) van 9 cijfers in.');
    expect(errorText({ field: 'telefoon', code: 'format', format: 'phone' }, q('persoonlijk', 'telefoon'), 'en')).toMatch(/^Enter a valid phone number/);
    expect(errorText({ field: 'email', code: 'format', format: 'email' }, undefined, 'nl')).toMatch(/^Vul een geldig e-mailadres in/);
    expect(errorText({ field: 'voornamen', code: 'required' }, q('persoonlijk', 'voornamen'), 'nl')).toBe('Vul dit veld in.');
    expect(errorText({ field: 'hypotheek', code: 'required' }, q('financiering', 'hypotheek'), 'nl')).toBe('Maak een keuze.');
    expect(errorText({ field: 'burgerlijke-staat', code: 'required' }, q('persoonlijk', 'burgerlijke-staat'), 'nl')).toBe('Maak een keuze.');
    expect(errorText({ field: 'geboortedatum', code: 'required' }, q('persoonlijk', 'geboortedatum'), 'en')).toBe('Enter a date.');
    expect(errorText({ field: 'hypotheekbedrag', code: 'minimum', limit: 1 }, q('financiering', 'hypotheekbedrag'), 'nl')).toBe('Vul €\u00a01,00 of meer in.');
    expect(errorText({ field: 'hypotheekbedrag', code: 'maximum', limit: 5000000 }, q('financiering', 'hypotheekbedrag'), 'en')).toBe('Enter €5,000,000.00 or less.');
    expect(errorText({ field: 'hypotheekbedrag', code: 'type' }, q('financiering', 'hypotheekbedrag'), 'nl')).toBe('Vul een bedrag in, bijvoorbeeld 1.234,56.');
    expect(errorText({ field: 'voornamen', code: 'maxLength' }, q('persoonlijk', 'voornamen'), 'nl')).toBe('Gebruik maximaal 120 tekens.');
    expect(errorText({ field: 'bewoners', code: 'minItems', limit: 1 }, q('woning', 'bewoners'), 'nl')).toBe('Voeg er ten minste 1 toe.');
    expect(errorText({ field: 'bewoners', code: 'maxItems' }, q('woning', 'bewoners'), 'en')).toBe('Add at most 8.');
    expect(errorText({ field: 'bewoners[0].relatie', code: 'enum' }, bewoner('relatie'), 'nl')).toBe('Kies een van de opties.');
    expect(errorText({ field: 'geboortedatum', code: 'dateRange' }, q('persoonlijk', 'geboortedatum'), 'nl', TODAY)).toBe(
      'Vul een datum in van 1 januari 1900 tot en met 15 maart 2026.',
    );
    expect(errorText({ field: 'bewoners[0].geboortedatum', code: 'dateRange' }, bewoner('geboortedatum'), 'nl', TODAY)).toBe(
      'Vul een datum in die niet in de toekomst ligt.',
    );
    expect(errorText({ field: 'leveringsdatum', code: 'dateRange' }, q('woning', 'leveringsdatum'), 'en', TODAY)).toMatch(/^Enter a date/);
    expect(errorText({ field: 'x', code: 'dateRange', max: 'today' }, undefined, 'nl', TODAY)).toBe('Vul een datum in die niet in de toekomst ligt.');
    expect(errorText({ field: 'x', code: 'dateRange', min: '2026-01-01' }, undefined, 'en', TODAY)).toBe('Enter a date on or after 1 January 2026.');
    expect(errorText({ field: 'x', code: 'enum' }, undefined, 'nl')).toBe('Kies een van de opties.');
    expect(errorText({ field: 'x', code: 'somethingNew' }, undefined, 'en')).toBe('This answer is not valid.');
  });
});
