import { describe, expect, it } from 'vitest';
import type { PageAnswers, Question, QuestionnairePage } from '../../../lib/api/types';
import { AnswerValidator } from '../../questionnaires/lib/validation';
import { AANKOOP_WONING, ANNA_ANSWERS } from '../../../test/questionnaires';
import { pageSchema, pageSchemas } from './pageSchemas';

const page = (questions: Question[], id = 'p'): QuestionnairePage => ({ id, title: 'Pagina', intro: null, questions });
const validator = new AnswerValidator({ today: () => '2026-03-15', warn: () => undefined });
const codes = (schema: ReturnType<typeof pageSchema>, answers: PageAnswers) => validator.validate(schema, answers).map((e) => `${e.field}:${e.code}`);

describe('page schemas (as questionnaire-service makes them: PageSchemas.java)', () => {
  it('accept what the server accepts and refuse what it refuses, page by page ("Aankoop woning")', () => {
    const answers: { [pageId: string]: PageAnswers } = ANNA_ANSWERS;
    const schemas = pageSchemas(AANKOOP_WONING.pages, answers);
    for (const p of AANKOOP_WONING.pages) {
      expect(codes(schemas[p.id], answers[p.id] ?? {}), p.id).toEqual([]);
      expect(codes(AANKOOP_WONING.schemas[p.id], answers[p.id] ?? {}), p.id).toEqual([]);
    }
    const wrong = { hypotheek: true, iban: 'NL00 FOUT' };
    expect(codes(schemas.financiering, wrong)).toEqual(codes(AANKOOP_WONING.schemas.financiering, wrong));
    expect(codes(schemas.financiering, wrong)).toEqual(['iban:format', 'geldverstrekker:required', 'hypotheekbedrag:required']);
    // AANKOOP_WONING.schemas are the server's own (scripts/questionnaires/validation-cases.json, made with PageSchemas.java).
    expect(schemas).toEqual(AANKOOP_WONING.schemas);
  });

  it('makes each kind of question as the server does', () => {
    const schema = pageSchema(
      page([
        { id: 'naam', type: 'shortText', label: 'Naam', required: true },
        { id: 'toelichting', type: 'longText', label: 'Toelichting', required: false },
        { id: 'postcode', type: 'shortText', label: 'Postcode', required: false, format: 'postcode', maxLength: 7 },
        { id: 'bedrag', type: 'amount', label: 'Bedrag', required: true, max: 100 },
        { id: 'aantal', type: 'number', label: 'Aantal', required: false, min: 1 },
        { id: 'datum', type: 'date', label: 'Datum', required: true, minDate: '1900-01-01', maxDate: 'today' },
        { id: 'ja', type: 'yesNo', label: 'Ja?', required: true },
        { id: 'keuze', type: 'choice', label: 'Keuze', required: false, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
        { id: 'meer', type: 'multiChoice', label: 'Meer', required: true, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
        { id: 'uitleg', type: 'shortText', label: 'Uitleg', required: true, showIf: { question: 'ja', equals: true } },
        { id: 'kinderen', type: 'group', label: 'Kinderen', required: false, minItems: 1, questions: [{ id: 'naam', type: 'shortText', label: 'Naam', required: true }] },
      ]),
      {},
    );
    expect(schema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Pagina',
      type: 'object',
      properties: {
        naam: { type: 'string', minLength: 1, maxLength: 200 },
        toelichting: { type: 'string', maxLength: 4000 },
        postcode: { type: 'string', maxLength: 7, format: 'postcode' },
        bedrag: { type: 'number', minimum: 0, maximum: 100 },
        aantal: { type: 'number', minimum: 1 },
        datum: { type: 'string', format: 'date', portalDateRange: { min: '1900-01-01', max: 'today' } },
        ja: { type: 'boolean' },
        keuze: { type: 'string', enum: ['a', 'b'] },
        meer: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, uniqueItems: true, minItems: 1 },
        uitleg: { type: 'string', minLength: 1, maxLength: 200 },
        kinderen: {
          type: 'array',
          minItems: 1,
          maxItems: 20,
          items: { type: 'object', properties: { naam: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['naam'], additionalProperties: false },
        },
      },
      required: ['naam', 'bedrag', 'datum', 'ja', 'meer', 'kinderen'],
      allOf: [{ if: { properties: { ja: { const: true } }, required: ['ja'] }, then: { required: ['uitleg'] } }],
      additionalProperties: false,
    });
  });

  it('a question shown after an answer on an earlier page is in the schema only when that answer was given', () => {
    const earlier = page([{ id: 'kinderen', type: 'yesNo', label: 'Kinderen?', required: true }], 'a');
    const later = page([{ id: 'aantal', type: 'number', label: 'Hoeveel?', required: true, showIf: { question: 'kinderen', equals: true } }], 'b');
    expect(pageSchemas([earlier, later], {}).b).toMatchObject({ properties: {}, additionalProperties: false });
    expect(pageSchemas([earlier, later], {}).b.required).toBeUndefined();
    expect(pageSchemas([earlier, later], { a: { kinderen: true } }).b).toMatchObject({ properties: { aantal: { type: 'number' } }, required: ['aantal'] });
  });
});
