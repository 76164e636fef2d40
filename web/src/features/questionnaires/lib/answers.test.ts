import { describe, expect, it } from 'vitest';
import { AANKOOP_WONING, ALLE_VRAAGSOORTEN, ANNA_ANSWERS } from '../../../test/questionnaires';
import {
  answerEquals,
  draftsFromAnswers,
  evaluate,
  evaluatePage,
  fieldDomId,
  parseFieldPath,
  questionAt,
  relocaliseDrafts,
  toDraft,
  visibleInSaved,
  type GroupBlock,
} from './answers';
import { formatAmount, formatAmountInput, parseDecimal } from './numbers';

describe('amounts and numbers as typed', () => {
  it.each([
    ['1.234,56', 1234.56],
    ['1234,56', 1234.56],
    ['1.234', 1234],
    ['250.000,-', 250000],
    ['€ 350.000', 350000],
    ['1.234.567,8', 1234567.8],
    ['12.50', 12.5],
    ['0,5', 0.5],
    ['-10', -10],
    [' 42 ', 42],
  ])('nl: "%s" is %d', (text, value) => expect(parseDecimal(text, 'nl', 2)).toBe(value));

  it.each([
    ['1,234.56', 1234.56],
    ['1234.56', 1234.56],
    ['1,234', 1234],
    ['€1,234,567.80', 1234567.8],
    ['12,50', 12.5],
    ['EUR 99', 99],
  ])('en: "%s" is %d', (text, value) => expect(parseDecimal(text, 'en', 2)).toBe(value));

  it.each([
    ['1.234,56', 'en'],
    ['1,234.56', 'nl'],
    ['1.23.4', 'nl'],
    ['12,345', 'nl'],
    ['abc', 'nl'],
    ['', 'nl'],
    ['1,2,3', 'en'],
  ] as const)('"%s" is not an amount in %s', (text, lang) => expect(parseDecimal(text, lang, 2)).toBeNull());

  it('refuses more than two decimals for an amount, not for a number', () => {
    expect(parseDecimal('1,005', 'nl', 2)).toBeNull();
    expect(parseDecimal('1,005', 'nl')).toBe(1.005);
  });

  it('formats amounts for the input and for reading', () => {
    expect(formatAmountInput(1234.5, 'nl')).toBe('1.234,50');
    expect(formatAmountInput(250000, 'nl')).toBe('250.000');
    expect(formatAmountInput(1234.5, 'en')).toBe('1,234.50');
    expect(formatAmount(1234.56, 'nl')).toBe('€\u00a01.234,56');
    expect(formatAmount(1234.56, 'en')).toBe('€1,234.56');
  });
});

describe('drafts and answers', () => {
  const alles = ALLE_VRAAGSOORTEN.pages[0].questions;

  it('sends shown answers only, typed values converted, left-out optional ones absent', () => {
    const draft = {
      ...toDraft(alles, undefined, 'nl'),
      naam: '  Anna de Vries ',
      postcode: '',
      toelichting: '   ',
      kamers: '4',
      koopsom: '1.234,56',
      overdracht: '2026-06-01',
      nieuwbouw: true,
      soort: 'hoekwoning',
      provincie: 'zeeland',
      inbegrepen: ['tuin', 'berging'],
      kinderen: false,
    };
    expect(evaluate(alles, draft, 'nl').answers).toEqual({
      naam: 'Anna de Vries',
      kamers: 4,
      koopsom: 1234.56,
      overdracht: '2026-06-01',
      nieuwbouw: true,
      soort: 'hoekwoning',
      provincie: 'zeeland',
      inbegrepen: ['tuin', 'berging'],
      kinderen: false,
    });
    expect(evaluate(alles, { ...draft, koopsom: '1,234.56' }, 'en').answers.koopsom).toBe(1234.56);
    // Unreadable: stays text, so that the schema refuses it.
    expect(evaluate(alles, { ...draft, koopsom: '1,234.56' }, 'nl').answers.koopsom).toBe('1,234.56');
    expect(evaluate(alles, { ...draft, inbegrepen: [] }, 'nl').answers.inbegrepen).toBeUndefined();
  });

  it('shows a question by showIf on the same page, in the same group block, and on an earlier page', () => {
    const kind: GroupBlock[] = [
      { key: 'a', values: { naam: 'Bram', thuis: true, adres: 'Dorpsstraat 1' } },
      { key: 'b', values: { naam: 'Eva', thuis: false, adres: 'Dorpsstraat 2' } },
    ];
    const shown = evaluate(alles, { kinderen: true, kind }, 'nl');
    expect([...shown.visible].filter((f) => f.startsWith('kind'))).toEqual([
      'kinderen',
      'kind',
      'kind[0].naam',
      'kind[0].thuis',
      'kind[1].naam',
      'kind[1].thuis',
      'kind[1].adres',
    ]);
    expect(shown.answers.kind).toEqual([
      { naam: 'Bram', thuis: true },
      { naam: 'Eva', thuis: false, adres: 'Dorpsstraat 2' },
    ]);
    expect(evaluate(alles, { kinderen: false, kind }, 'nl').visible.has('kind')).toBe(false);

    const pages = AANKOOP_WONING.pages;
    const drafts = draftsFromAnswers(pages, ANNA_ANSWERS, 'nl');
    expect(evaluatePage(pages, drafts, 'nl', 0).visible.has('huwelijkse-voorwaarden')).toBe(true);
    drafts.persoonlijk['burgerlijke-staat'] = 'ongehuwd';
    const hidden = evaluatePage(pages, drafts, 'nl', 0);
    expect(hidden.visible.has('huwelijkse-voorwaarden')).toBe(false);
    const { 'huwelijkse-voorwaarden': _hidden, ...shownAnswers } = ANNA_ANSWERS.persoonlijk;
    expect(hidden.answers).toEqual({ ...shownAnswers, 'burgerlijke-staat': 'ongehuwd' });

    // A question on a later page that depends on an answer of an earlier page.
    const later = [{ id: 'kopie', type: 'yesNo' as const, label: 'Kopie?', required: true, showIf: { question: 'hypotheek', equals: true } }];
    const withLater = [...pages, { id: 'extra', title: 'Extra', intro: null, questions: later }];
    expect(evaluatePage(withLater, drafts, 'nl', withLater.length - 1).visible.has('kopie')).toBe(true);
    drafts.financiering.hypotheek = false;
    expect(evaluatePage(withLater, drafts, 'nl', withLater.length - 1).visible.has('kopie')).toBe(false);
  });

  it('compares showIf values of every kind', () => {
    expect(answerEquals('gehuwd', 'gehuwd')).toBe(true);
    expect(answerEquals(true, true)).toBe(true);
    expect(answerEquals(false, true)).toBe(false);
    expect(answerEquals(3, 3)).toBe(true);
    expect(answerEquals(['tuin', 'garage'], 'garage')).toBe(true);
    expect(answerEquals(undefined, false)).toBe(false);
  });

  it('turns saved answers into drafts (amounts in the language) and starts a required group with one block', () => {
    const pages = AANKOOP_WONING.pages;
    const drafts = draftsFromAnswers(pages, { financiering: ANNA_ANSWERS.financiering }, 'nl');
    expect(drafts.financiering).toMatchObject({ hypotheek: true, hypotheekbedrag: '350.000', iban: 'NL91ABNA0417164300', 'eigen-geld': '' });
    // "bewoners" may stay empty (minItems 0): no block to begin with.
    expect(drafts.woning.bewoners).toHaveLength(0);
    expect(draftsFromAnswers(pages, { woning: ANNA_ANSWERS.woning }, 'nl').woning.bewoners).toHaveLength(2);
    expect(draftsFromAnswers(pages, {}, 'en')['tot-slot']).toEqual({ documenten: [], volmacht: undefined, gevolmachtigde: '', opmerkingen: '' });
    const relocalised = relocaliseDrafts(pages, { ...drafts, financiering: { ...drafts.financiering, hypotheekbedrag: '1.234,5' } }, 'nl', 'en');
    expect(relocalised.financiering.hypotheekbedrag).toBe('1,234.50');
  });

  it('knows which saved answers are shown', () => {
    const visible = visibleInSaved(AANKOOP_WONING.pages, { ...ANNA_ANSWERS, financiering: { hypotheek: false, iban: 'NL91ABNA0417164300' } });
    expect(visible.get('persoonlijk')?.has('huwelijkse-voorwaarden')).toBe(true);
    expect(visible.get('financiering')?.has('hypotheekbedrag')).toBe(false);
    expect(visible.get('woning')?.has('bewoners[1].naam')).toBe(true);
    expect(visible.get('tot-slot')?.has('gevolmachtigde')).toBe(false);
  });

  it('reads field paths', () => {
    expect(parseFieldPath('bewoners[1].naam')).toEqual(['bewoners', 1, 'naam']);
    expect(questionAt(AANKOOP_WONING.pages[1].questions, 'bewoners[1].geboortedatum')?.type).toBe('date');
    expect(questionAt(AANKOOP_WONING.pages[1].questions, 'bewoners[1].onbekend')).toBeUndefined();
    expect(fieldDomId('bewoners[1].naam')).toBe('q-bewoners-1-naam');
  });
});
