// What validation.ts adds to the `jsonschema` package: the portal's formats and keyword portalDateRange, the errors as
// the server names them, one per field for the page, and what is reported once and left to the server. What each keyword
// means is in the cases both sides run (sharedValidationCases.test.ts).
import { describe, expect, it, vi } from 'vitest';
import type { JsonSchema } from '../../../lib/api/types';
import { AnswerValidator, FORMATS, toAnswerError } from './validation';
import { ValidationError } from 'jsonschema';

const TODAY = '2026-03-15';

/** Every error, as the server names them ("field code"). */
function errors(schema: JsonSchema | boolean, data: unknown, warn = vi.fn()): string[] {
  return new AnswerValidator({ today: () => TODAY, warn }).errors(schema, data).map((e) => `${e.field} ${e.code}`.trim());
}

/** The errors as the page sees them ({field, code, …}, one per field). */
function answerErrors(schema: JsonSchema, data: unknown, warn = vi.fn()) {
  return new AnswerValidator({ today: () => TODAY, warn }).validate(schema, data as never);
}

const object = (properties: JsonSchema, more: JsonSchema = {}) => ({ type: 'object', properties, ...more });

describe('the portal formats', () => {
  it('are the ones the server knows', () => {
    expect(Object.keys(FORMATS).sort()).toEqual(['bsn', 'date', 'email', 'iban', 'phone', 'postcode']);
  });

  it.each([
    ['postcode', '1015 CJ', '0123 AB'],
    ['iban', 'NL91 ABNA 0417 1643 00', 'NL91ABNA0417164301'],
    ['bsn', '111222333', '111222334'],
    ['phone', '+31 20 1234567', '12-34'],
    ['email', 'anna.de.vries@example.nl', 'anna@example'],
    ['date', '2024-02-29', '2024-02-30'],
  ])('%s: refused with its name', (format, good, bad) => {
    const schema = object({ x: { type: 'string', format } });
    expect(answerErrors(schema, { x: good })).toEqual([]);
    expect(answerErrors(schema, { x: bad })).toEqual([{ field: 'x', code: 'format', format }]);
  });

  it('apply to texts only', () => {
    expect(errors({ format: 'date' }, 20260315)).toEqual([]);
  });

  it('an unknown format is reported once and accepts the value (the server checks it)', () => {
    const warn = vi.fn();
    expect(errors(object({ a: { type: 'string', format: 'kvk' }, b: { type: 'string', format: 'kvk' } }), { a: 'x', b: 'y' }, warn)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/unknown format "kvk"/);
  });
});

describe('portalDateRange', () => {
  it('says dateRange with the bounds as the schema has them (the message says "not in the future")', () => {
    const date = { type: 'string', format: 'date', portalDateRange: { min: '1900-01-01', max: 'today' } };
    expect(answerErrors(object({ d: date }), { d: '2026-03-16' })).toEqual([{ field: 'd', code: 'dateRange', min: '1900-01-01', max: 'today' }]);
    expect(answerErrors(object({ d: date }), { d: TODAY })).toEqual([]);
  });

  it('reads today when it checks, not when the validator is made (a page left open past midnight)', () => {
    let today = '2026-03-15';
    const validator = new AnswerValidator({ today: () => today });
    const schema = object({ d: { type: 'string', portalDateRange: { max: 'today' } } });
    expect(validator.validate(schema, { d: '2026-03-16' })).toHaveLength(1);
    today = '2026-03-16';
    expect(validator.validate(schema, { d: '2026-03-16' })).toEqual([]);
  });

  it.each([[{ max: 'yesterday' }], [{ min: '2026-3-1' }], [{ min: 'today', step: 7 }], ['today'], [null]])(
    'a range it cannot read, %j, is reported once and left to the server',
    (range) => {
      const warn = vi.fn();
      expect(errors(object({ a: { type: 'string', portalDateRange: range }, b: { type: 'string', portalDateRange: range } }), { a: '1000-01-01', b: '3000-01-01' }, warn)).toEqual([]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toMatch(/portalDateRange/);
    },
  );
});

describe('errors as the server names them', () => {
  it('a required text left empty is missing; required before format, the first of a field is what the page shows', () => {
    const schema = object({ iban: { type: 'string', minLength: 1, maxLength: 200, format: 'iban' } });
    expect(errors(schema, { iban: '' })).toEqual(['iban required', 'iban format']);
    expect(answerErrors(schema, { iban: '' })).toEqual([{ field: 'iban', code: 'required' }]);
  });

  it('limits come along for minimum, maximum, lengths and numbers of items', () => {
    const schema = object({
      a: { type: 'number', minimum: 1.5, maximum: 10 },
      t: { type: 'string', maxLength: 3 },
      g: { type: 'array', maxItems: 2 },
    });
    expect(answerErrors(schema, { a: 1, t: 'abcd', g: [1, 2, 3] })).toEqual([
      { field: 'a', code: 'minimum', limit: 1.5 },
      { field: 't', code: 'maxLength', limit: 3 },
      { field: 'g', code: 'maxItems', limit: 2 },
    ]);
  });

  it('a wrong type says it all', () => {
    expect(errors(object({ s: { type: 'string', enum: ['a'], minLength: 5, format: 'iban' } }), { s: 12 })).toEqual(['s type']);
  });

  it('an answer to no question is named, but left to the server by the page (it only sends its own questions)', () => {
    const schema = object({ a: { type: 'string' } }, { additionalProperties: false });
    expect(errors(schema, { a: 'x', c: 1 })).toEqual(['c additionalProperties']);
    expect(answerErrors(schema, { a: 'x', c: 1 })).toEqual([]);
  });

  it('allOf adds no error of its own; an error it does not know keeps its name (shown as "not valid")', () => {
    expect(errors({ allOf: [{ type: 'string' }, { minLength: 2 }] }, 'x')).toEqual(['minLength']);
    expect(toAnswerError(new ValidationError('x', 1, {}, ['a', 0], 'multipleOf', 2))).toEqual({ field: 'a[0]', code: 'multipleOf' });
  });
});

describe('keywords the server does not send', () => {
  it('annotations decide nothing and are not reported', () => {
    const warn = vi.fn();
    const annotated = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://portal.example/schemas/x',
      $comment: 'made by PageSchemas',
      title: 'Uw gegevens',
      type: 'object',
      properties: { a: { type: 'string', examples: ['x'], deprecated: false, readOnly: false, writeOnly: false, 'x-widget': 'text' } },
      'x-portal-version': 3,
    };
    expect(answerErrors(annotated, { a: 1 }, warn)).toEqual([{ field: 'a', code: 'type' }]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('an unknown keyword is reported once per validator, wherever and however often it occurs, and counts as valid', () => {
    const warn = vi.fn();
    const validator = new AnswerValidator({ today: () => TODAY, warn });
    const newer = object({ a: { type: 'string', unevaluatedProperties: false }, b: { type: 'string', portalKvk: true } }, { dependentRequired: { a: ['b'] } });
    expect(validator.validate(newer, { a: 'abc' })).toEqual([]);
    expect(validator.validate({ ...newer, title: 'again' }, { a: 'abc' })).toEqual([]);
    expect(warn.mock.calls.map((c) => c[0].match(/"(\w+)"/)[1]).sort()).toEqual(['dependentRequired', 'portalKvk', 'unevaluatedProperties']);
    // The known keywords next to them still count.
    expect(validator.validate(newer, { a: 1 })).toEqual([{ field: 'a', code: 'type' }]);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('warns through console.warn by default', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(new AnswerValidator().validate({ type: 'object', unevaluatedProperties: false }, { x: 1 })).toEqual([]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][0]).toMatch(/unknown keyword "unevaluatedProperties"/);
    } finally {
      spy.mockRestore();
    }
  });
});
