import { describe, expect, it, vi } from 'vitest';
import { AANKOOP_WONING, ALLE_VRAAGSOORTEN, ANNA_ANSWERS } from '../../../test/questionnaires';
import type { JsonSchema, PageAnswers } from '../../../lib/api/types';
import { evaluate, type DraftAnswers } from './answers';
import { isBsn, isIban, isPhone, isPostcode, todayInAmsterdam } from './formats';
import { errorText } from './messages';
import { AnswerValidator, compileSchema, pointerToField } from './validation';

const TODAY = '2026-03-15';
const validator = new AnswerValidator({ today: () => TODAY });
const schema = (pageId: string) => AANKOOP_WONING.schemas[pageId];
const page = (pageId: string) => AANKOOP_WONING.pages.find((p) => p.id === pageId)!;
const errorsOf = (pageId: string, answers: PageAnswers) => validator.validate(schema(pageId), answers);

describe('the portal formats', () => {
  it.each(['1234 AB', '1234AB', '1234 ab', '9999zz', '1015 CJ'])('postcode %s is valid', (v) => expect(isPostcode(v)).toBe(true));
  it.each(['0123 AB', '123 AB', '12345 AB', '1234  AB', '1234 A', '1234 A1', ' 1234 AB', ''])('postcode "%s" is not', (v) =>
    expect(isPostcode(v)).toBe(false),
  );

  it.each(['NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00', 'nl91abna0417164300', 'GB82WEST12345698765432', 'DE89370400440532013000', 'BE68539007547034'])(
    'IBAN %s is valid',
    (v) => expect(isIban(v)).toBe(true),
  );
  it.each(['NL91ABNA0417164301', 'NL92ABNA0417164300', 'NL91-ABNA-0417-1643-00', 'NL91', '9191ABNA0417164300', 'NL91ABNA04171643001234567890123456', ''])(
    'IBAN "%s" is not',
    (v) => expect(isIban(v)).toBe(false),
  );

  it.each(['111222333', '123456782', '999999990'])('BSN %s is valid', (v) => expect(isBsn(v)).toBe(true));
  it.each(['123456789', '000000000', '11122233', '1112223333', '111 222 333', 'abcdefghi', ''])('BSN "%s" is not', (v) => expect(isBsn(v)).toBe(false));

  it.each(['06 12345678', '0612345678', '+31 6 12345678', '+31 (0)20-1234567', '020-1234567', '12345678', '123456789012345'])('phone %s is valid', (v) =>
    expect(isPhone(v)).toBe(true),
  );
  it.each(['1234567', '1234567890123456', '06 1234 567a', '++31612345678', '06/12345678', '31+612345678', ''])('phone "%s" is not', (v) =>
    expect(isPhone(v)).toBe(false),
  );

  it("knows today's date in Amsterdam", () => {
    expect(todayInAmsterdam(new Date('2026-03-15T22:30:00Z'))).toBe('2026-03-15');
    expect(todayInAmsterdam(new Date('2026-03-15T23:30:00Z'))).toBe('2026-03-16');
  });
});

describe('the schema checker with the portal formats and keyword', () => {
  const check = (s: JsonSchema, data: unknown) =>
    compileSchema(s, { today: () => TODAY })(data).map((e) => `${e.keyword}${e.params && 'format' in e.params ? `:${e.params.format}` : ''}`);

  it('uses the four custom formats and email and date', () => {
    expect(check({ type: 'string', format: 'iban' }, 'NL91ABNA0417164300')).toEqual([]);
    expect(check({ type: 'string', format: 'iban' }, 'NL91ABNA0417164301')).toEqual(['format:iban']);
    expect(check({ type: 'string', format: 'bsn' }, '111222333')).toEqual([]);
    expect(check({ type: 'string', format: 'bsn' }, '123456789')).toEqual(['format:bsn']);
    expect(check({ type: 'string', format: 'postcode' }, '1234 AB')).toEqual([]);
    expect(check({ type: 'string', format: 'postcode' }, '0123 AB')).toEqual(['format:postcode']);
    expect(check({ type: 'string', format: 'phone' }, '+31 20 1234567')).toEqual([]);
    expect(check({ type: 'string', format: 'phone' }, '123')).toEqual(['format:phone']);
    expect(check({ type: 'string', format: 'email' }, 'anna@example.com')).toEqual([]);
    expect(check({ type: 'string', format: 'email' }, 'anna@')).toEqual(['format:email']);
    expect(check({ type: 'string', format: 'date' }, '2024-02-29')).toEqual([]);
    expect(check({ type: 'string', format: 'date' }, '2023-02-29')).toEqual(['format:date']);
  });

  it('checks portalDateRange with fixed dates and today', () => {
    const range = { type: 'string', portalDateRange: { min: '2000-01-01', max: 'today' } };
    expect(check(range, '2000-01-01')).toEqual([]);
    expect(check(range, TODAY)).toEqual([]);
    expect(check(range, '1999-12-31')).toEqual(['portalDateRange']);
    expect(check(range, '2026-03-16')).toEqual(['portalDateRange']);
    expect(check({ type: 'string', portalDateRange: { min: 'today' } }, '2026-03-14')).toEqual(['portalDateRange']);
    // Not a date: left to format: date.
    expect(check(range, 'gisteren')).toEqual([]);
  });

  it('reports a malformed portalDateRange in a schema and leaves it to the server', () => {
    const warn = vi.fn();
    expect(compileSchema({ type: 'string', portalDateRange: { max: 'yesterday' } }, { today: () => TODAY, warn })('2030-01-01')).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/portalDateRange/);
  });
});

describe('validating a page with its schema', () => {
  it('accepts the answers of every page', () => {
    for (const [pageId, answers] of Object.entries(ANNA_ANSWERS)) expect(errorsOf(pageId, answers as PageAnswers), pageId).toEqual([]);
  });

  it('maps required, format, maxLength, dateRange and type to {field, code}', () => {
    expect(
      errorsOf('uw-gegevens', { voornamen: 'x'.repeat(101), geboortedatum: '2030-01-01', bsn: '123456789', email: 'anna@', telefoon: 12 as unknown as string }),
    ).toEqual([
      { field: 'achternaam', code: 'required' },
      { field: 'voornamen', code: 'maxLength', limit: 100 },
      { field: 'geboortedatum', code: 'dateRange', min: '1900-01-01', max: 'today' },
      { field: 'bsn', code: 'format', format: 'bsn' },
      { field: 'email', code: 'format', format: 'email' },
      { field: 'telefoon', code: 'type' },
    ]);
  });

  it('requires a conditional question only when its condition holds (if/then)', () => {
    expect(errorsOf('financiering', { hypotheek: true, iban: 'NL91ABNA0417164300' })).toEqual([
      { field: 'hypotheekbedrag', code: 'required' },
      { field: 'geldverstrekker', code: 'required' },
    ]);
    expect(errorsOf('financiering', { hypotheek: false, iban: 'NL91ABNA0417164300' })).toEqual([]);
    expect(errorsOf('financiering', { hypotheek: true, hypotheekbedrag: 0, geldverstrekker: 'bank', iban: 'NL91ABNA0417164301' })).toEqual([
      { field: 'hypotheekbedrag', code: 'minimum', limit: 1 },
      { field: 'geldverstrekker', code: 'enum' },
      { field: 'iban', code: 'format', format: 'iban' },
    ]);
  });

  it('names fields inside group blocks like the server: bewoners[1].naam', () => {
    expect(errorsOf('bewoners', { bewoners: [{ naam: 'Anna', geboortedatum: '1985-04-12' }, { geboortedatum: '1985-02-30' }] })).toEqual([
      { field: 'bewoners[1].naam', code: 'required' },
      { field: 'bewoners[1].geboortedatum', code: 'format', format: 'date' },
    ]);
    expect(errorsOf('bewoners', { bewoners: [] })).toEqual([{ field: 'bewoners', code: 'minItems', limit: 1 }]);
    const nine = Array.from({ length: 9 }, () => ({ naam: 'X', geboortedatum: '2000-01-01' }));
    expect(errorsOf('bewoners', { bewoners: nine })).toEqual([{ field: 'bewoners', code: 'maxItems', limit: 8 }]);
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

  it('compiles a schema with an $id again without complaint', () => {
    const withId = { ...schema('adres'), $id: 'https://portal.example/schemas/adres' };
    expect(validator.validate(withId, ANNA_ANSWERS.adres)).toEqual([]);
    expect(validator.validate({ ...withId }, { ...ANNA_ANSWERS.adres, postcode: '0123 AB' })).toEqual([{ field: 'postcode', code: 'format', format: 'postcode' }]);
  });
});

describe('error messages', () => {
  const q = (pageId: string, id: string) => page(pageId).questions.find((x) => x.id === id);
  it('says per kind what is wrong, in Dutch and English', () => {
    expect(errorText({ field: 'iban', code: 'format', format: 'iban' }, q('financiering', 'iban'), 'nl')).toBe(
      'Vul een geldig IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.',
    );
    expect(errorText({ field: 'iban', code: 'format', format: 'iban' }, q('financiering', 'iban'), 'en')).toBe(
      'Enter a valid IBAN, for example NL91 ABNA 0417 1643 00.',
    );
    expect(errorText({ field: 'postcode', code: 'format' }, q('adres', 'postcode'), 'nl')).toBe('Vul een geldige postcode in, bijvoorbeeld 1234 AB.');
    expect(errorText({ field: 'bsn', code: 'format', format: 'bsn' }, q('uw-gegevens', 'bsn'), 'nl')).toBe('Vul een geldig burgerservicenummer (BSN) van 9 cijfers in.');
    expect(errorText({ field: 'telefoon', code: 'format', format: 'phone' }, q('uw-gegevens', 'telefoon'), 'en')).toMatch(/^Enter a valid phone number/);
    expect(errorText({ field: 'email', code: 'format', format: 'email' }, q('uw-gegevens', 'email'), 'nl')).toMatch(/^Vul een geldig e-mailadres in/);
    expect(errorText({ field: 'voornamen', code: 'required' }, q('uw-gegevens', 'voornamen'), 'nl')).toBe('Vul dit veld in.');
    expect(errorText({ field: 'hypotheek', code: 'required' }, q('financiering', 'hypotheek'), 'nl')).toBe('Maak een keuze.');
    expect(errorText({ field: 'geboortedatum', code: 'required' }, q('uw-gegevens', 'geboortedatum'), 'en')).toBe('Enter a date.');
    expect(errorText({ field: 'hypotheekbedrag', code: 'minimum', limit: 1 }, q('financiering', 'hypotheekbedrag'), 'nl')).toBe('Vul €\u00a01,00 of meer in.');
    expect(errorText({ field: 'hypotheekbedrag', code: 'maximum' }, q('financiering', 'hypotheekbedrag'), 'en')).toBe('Enter €5,000,000.00 or less.');
    expect(errorText({ field: 'hypotheekbedrag', code: 'type' }, q('financiering', 'hypotheekbedrag'), 'nl')).toBe('Vul een bedrag in, bijvoorbeeld 1.234,56.');
    expect(errorText({ field: 'voornamen', code: 'maxLength' }, q('uw-gegevens', 'voornamen'), 'nl')).toBe('Gebruik maximaal 100 tekens.');
    expect(errorText({ field: 'bewoners', code: 'minItems', limit: 1 }, q('bewoners', 'bewoners'), 'nl')).toBe('Voeg er ten minste 1 toe.');
    expect(errorText({ field: 'bewoners', code: 'maxItems' }, q('bewoners', 'bewoners'), 'en')).toBe('Add at most 8.');
    expect(errorText({ field: 'geboortedatum', code: 'dateRange' }, q('uw-gegevens', 'geboortedatum'), 'nl', TODAY)).toBe(
      'Vul een datum in van 1 januari 1900 tot en met 15 maart 2026.',
    );
    expect(errorText({ field: 'x', code: 'dateRange', max: 'today' }, undefined, 'nl', TODAY)).toBe('Vul een datum in die niet in de toekomst ligt.');
    expect(errorText({ field: 'x', code: 'dateRange', min: '2026-01-01' }, undefined, 'en', TODAY)).toBe('Enter a date on or after 1 January 2026.');
    expect(errorText({ field: 'x', code: 'enum' }, undefined, 'nl')).toBe('Kies een van de opties.');
    expect(errorText({ field: 'x', code: 'somethingNew' }, undefined, 'en')).toBe('This answer is not valid.');
  });
});
