// The schema interpreter keyword by keyword: every keyword, format and form that questionnaire-service's PageSchemas can
// emit (see its javadoc and AnswerValidator), what is ignored (annotations) and what is reported once and left to the
// server (anything else).
import { describe, expect, it, vi } from 'vitest';
import type { JsonSchema } from '../../../lib/api/types';
import { AnswerValidator, compileSchema, FORMATS, toAnswerError, type SchemaError } from './validation';

const TODAY = '2026-03-15';
const options = () => ({ today: () => TODAY, warn: vi.fn() });

/** The raw errors as "keyword@/pointer". */
function check(schema: JsonSchema | boolean, data: unknown, opts = options()): string[] {
  return compileSchema(schema, opts)(data).map((e) => `${e.keyword}@${e.instancePath}`);
}

/** The errors as the page sees them ({field, code, …}, one per field). */
function answerErrors(schema: JsonSchema, data: unknown, warn = vi.fn()) {
  return new AnswerValidator({ today: () => TODAY, warn }).validate(schema, data as never);
}

const cond = (question: string, equals: unknown, then: string) => ({
  if: { properties: { [question]: { const: equals } }, required: [question] },
  then: { required: [then] },
});

describe('type', () => {
  it.each([
    ['string', 'x', [1, true, null, [], {}]],
    ['number', 1.5, ['1', true, null, [], {}, Number.NaN, Number.POSITIVE_INFINITY]],
    ['boolean', false, ['false', 0, null, [], {}]],
    ['array', [], ['x', 1, null, {}]],
    ['object', {}, ['x', 1, null, []]],
  ])('%s', (type, good, bad) => {
    expect(check({ type }, good)).toEqual([]);
    for (const value of bad) expect(check({ type }, value), JSON.stringify(value)).toEqual(['type@']);
  });

  it('stops at a wrong type: the other keywords are not checked', () => {
    expect(check({ type: 'string', enum: ['a'], minLength: 5, format: 'iban' }, 12)).toEqual(['type@']);
    expect(answerErrors({ type: 'object', properties: { n: { type: 'number', minimum: 1 } } }, { n: '1,5' })).toEqual([{ field: 'n', code: 'type' }]);
  });
});

describe('properties, required and additionalProperties', () => {
  const schema = {
    type: 'object',
    properties: { a: { type: 'string' }, b: { type: 'number' } },
    required: ['a'],
    additionalProperties: false,
  };

  it('checks the properties that are there, under their own path', () => {
    expect(check(schema, { a: 'x' })).toEqual([]);
    expect(check(schema, { a: 1, b: 'y' })).toEqual(['type@/a', 'type@/b']);
  });

  it('requires the listed properties; null is an answer (of the wrong type), undefined is none', () => {
    expect(check(schema, {})).toEqual(['required@']);
    expect(check(schema, { a: undefined })).toEqual(['required@']);
    expect(check(schema, { a: null })).toEqual(['type@/a']);
    expect(answerErrors(schema, { b: 2 })).toEqual([{ field: 'a', code: 'required' }]);
  });

  it('refuses other properties, which the page leaves to the server', () => {
    const errors = compileSchema(schema, options())({ a: 'x', c: 1 });
    expect(errors).toEqual([{ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'c' } }]);
    expect(answerErrors(schema, { a: 'x', c: 1 })).toEqual([]);
    expect(check({ ...schema, additionalProperties: true }, { a: 'x', c: 1 })).toEqual([]);
  });

  it('escapes names in pointers and turns them back into fields', () => {
    const odd = { type: 'object', properties: { 'a/b': { type: 'string' }, 'c~d': { type: 'string' } } };
    expect(check(odd, { 'a/b': 1, 'c~d': 2 })).toEqual(['type@/a~1b', 'type@/c~0d']);
    expect(answerErrors(odd, { 'a/b': 1 })).toEqual([{ field: 'a/b', code: 'type' }]);
  });

  it('ignores object keywords for other values', () => {
    expect(check({ properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false }, 'x')).toEqual([]);
  });
});

describe('enum and const', () => {
  it('enum: one of the values, compared as JSON', () => {
    const choice = { type: 'string', enum: ['tuin', 'garage'] };
    expect(check(choice, 'tuin')).toEqual([]);
    expect(check(choice, 'Tuin')).toEqual(['enum@']);
    expect(check({ enum: [1, [1, 2], { a: 1 }] }, 1.0)).toEqual([]);
    expect(check({ enum: [1, [1, 2], { a: 1 }] }, [1, 2])).toEqual([]);
    expect(check({ enum: [1, [1, 2], { a: 1 }] }, { a: 1 })).toEqual([]);
    expect(check({ enum: [1, [1, 2], { a: 1 }] }, '1')).toEqual(['enum@']);
    expect(answerErrors({ type: 'object', properties: { s: choice } }, { s: 'bank' })).toEqual([{ field: 's', code: 'enum' }]);
  });

  it('const: exactly that value (string, boolean, number)', () => {
    expect(check({ const: 'gehuwd' }, 'gehuwd')).toEqual([]);
    expect(check({ const: 'gehuwd' }, 'ongehuwd')).toEqual(['const@']);
    expect(check({ const: true }, true)).toEqual([]);
    expect(check({ const: true }, 'true')).toEqual(['const@']);
    expect(check({ const: 2 }, 2.0)).toEqual([]);
    expect(check({ const: false }, 0)).toEqual(['const@']);
    expect(toAnswerError({ keyword: 'const', instancePath: '/x', params: {} })).toEqual({ field: 'x', code: 'enum' });
  });
});

describe('minLength and maxLength', () => {
  const text = { type: 'string', minLength: 1, maxLength: 5 };

  it('counts characters as code points, like the server', () => {
    expect(check(text, '😀😀😀😀😀')).toEqual([]);
    expect(check(text, '😀😀😀😀😀😀')).toEqual(['maxLength@']);
    expect(check(text, '')).toEqual(['minLength@']);
    expect(check(text, 'é')).toEqual([]);
  });

  it('maps minLength 1 to required, a larger one to minLength, maxLength with its limit', () => {
    const page = { type: 'object', properties: { a: text, b: { type: 'string', minLength: 3 } } };
    expect(answerErrors(page, { a: '', b: 'xy' })).toEqual([
      { field: 'a', code: 'required' },
      { field: 'b', code: 'minLength', limit: 3 },
    ]);
    expect(answerErrors(page, { a: 'abcdef' })).toEqual([{ field: 'a', code: 'maxLength', limit: 5 }]);
  });

  it('says "required" before "format" for an empty required text (the order of the server and of Ajv)', () => {
    const page = { type: 'object', properties: { iban: { type: 'string', minLength: 1, maxLength: 200, format: 'iban' } } };
    expect(check(page.properties.iban, '')).toEqual(['minLength@', 'format@']);
    expect(answerErrors(page, { iban: '' })).toEqual([{ field: 'iban', code: 'required' }]);
  });
});

describe('minimum and maximum', () => {
  const amount = { type: 'number', minimum: 0, maximum: 5000000 };

  it('are inclusive', () => {
    expect(check(amount, 0)).toEqual([]);
    expect(check(amount, 5000000)).toEqual([]);
    expect(check(amount, -0.01)).toEqual(['minimum@']);
    expect(check(amount, 5000000.01)).toEqual(['maximum@']);
  });

  it('carry their limit', () => {
    const page = { type: 'object', properties: { a: amount, n: { type: 'number', minimum: 1.5 } } };
    expect(answerErrors(page, { a: 6000000, n: 1 })).toEqual([
      { field: 'a', code: 'maximum', limit: 5000000 },
      { field: 'n', code: 'minimum', limit: 1.5 },
    ]);
  });
});

describe('format', () => {
  it.each([
    ['postcode', '1015 CJ', '0123 AB'],
    ['iban', 'NL91 ABNA 0417 1643 00', 'NL91ABNA0417164301'],
    ['bsn', '111222333', '111222334'],
    ['phone', '+31 20 1234567', '12-34'],
    ['email', 'anna.de.vries@example.nl', 'anna@example'],
    ['date', '2024-02-29', '2024-02-30'],
  ])('%s', (format, good, bad) => {
    const schema = { type: 'string', format };
    expect(check(schema, good)).toEqual([]);
    expect(check(schema, bad)).toEqual(['format@']);
    expect(answerErrors({ type: 'object', properties: { x: schema } }, { x: bad })).toEqual([{ field: 'x', code: 'format', format }]);
  });

  it('covers the formats the server knows, and dates in every month', () => {
    expect(Object.keys(FORMATS).sort()).toEqual(['bsn', 'date', 'email', 'iban', 'phone', 'postcode']);
    const date = { type: 'string', format: 'date' };
    for (const ok of ['2026-01-31', '2026-04-30', '2000-02-29', '1900-02-28', '2026-12-31']) expect(check(date, ok), ok).toEqual([]);
    for (const bad of ['2026-04-31', '1900-02-29', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '15-03-2026', '2026-03-15T10:00', ' 2026-03-15']) {
      expect(check(date, bad), bad).toEqual(['format@']);
    }
  });

  it('applies to texts only', () => {
    expect(check({ format: 'date' }, 20260315)).toEqual([]);
  });

  it('reports an unknown format once and accepts the value (the server checks it)', () => {
    const opts = options();
    const validate = compileSchema({ type: 'object', properties: { a: { type: 'string', format: 'kvk' }, b: { type: 'string', format: 'kvk' } } }, opts);
    expect(validate({ a: 'whatever', b: 'else' })).toEqual([]);
    expect(opts.warn).toHaveBeenCalledTimes(1);
    expect(opts.warn.mock.calls[0][0]).toMatch(/unknown format "kvk"/);
  });
});

describe('portalDateRange', () => {
  it('compares with a fixed minimum, a fixed maximum, both, and today', () => {
    expect(check({ type: 'string', portalDateRange: { min: '2026-01-01' } }, '2026-01-01')).toEqual([]);
    expect(check({ type: 'string', portalDateRange: { min: '2026-01-01' } }, '2025-12-31')).toEqual(['portalDateRange@']);
    expect(check({ type: 'string', portalDateRange: { max: '2026-01-01' } }, '2026-01-02')).toEqual(['portalDateRange@']);
    expect(check({ type: 'string', portalDateRange: { min: 'today' } }, TODAY)).toEqual([]);
    expect(check({ type: 'string', portalDateRange: { min: 'today' } }, '2026-03-14')).toEqual(['portalDateRange@']);
    expect(check({ type: 'string', portalDateRange: { max: 'today' } }, '2026-03-16')).toEqual(['portalDateRange@']);
    expect(check({ type: 'string', portalDateRange: {} }, '0001-01-01')).toEqual([]);
  });

  it("reads today when it checks, not when it compiles (a page left open past midnight)", () => {
    let today = '2026-03-15';
    const validate = compileSchema({ type: 'string', portalDateRange: { max: 'today' } }, { today: () => today });
    expect(validate('2026-03-16')).toHaveLength(1);
    today = '2026-03-16';
    expect(validate('2026-03-16')).toEqual([]);
  });

  it('leaves what is not a date to format, and reports {min, max} as the schema has them', () => {
    const date = { type: 'string', format: 'date', portalDateRange: { min: '1900-01-01', max: 'today' } };
    expect(check(date, '2030-02-30')).toEqual(['format@']);
    expect(answerErrors({ type: 'object', properties: { d: date } }, { d: '1899-12-31' })).toEqual([
      { field: 'd', code: 'dateRange', min: '1900-01-01', max: 'today' },
    ]);
  });

  it.each([[{ max: 'yesterday' }], [{ min: '2026-3-1' }], [{ min: 'today', step: 7 }], ['today'], [null]])(
    'reports a malformed range %j once and leaves it to the server',
    (range) => {
      const opts = options();
      expect(check({ type: 'string', portalDateRange: range }, '1000-01-01', opts)).toEqual([]);
      expect(opts.warn).toHaveBeenCalledTimes(1);
    },
  );
});

describe('items, minItems, maxItems and uniqueItems', () => {
  const multiChoice = { type: 'array', items: { type: 'string', enum: ['tuin', 'garage', 'berging'] }, uniqueItems: true, minItems: 1 };

  it('checks every item under its index', () => {
    expect(check(multiChoice, ['tuin', 'garage'])).toEqual([]);
    expect(check(multiChoice, ['tuin', 'zolder', 3])).toEqual(['enum@/1', 'type@/2']);
    expect(answerErrors({ type: 'object', properties: { m: multiChoice } }, { m: ['tuin', 'zolder'] })).toEqual([{ field: 'm[1]', code: 'enum' }]);
  });

  it('counts items, with their limits', () => {
    const group = { type: 'array', minItems: 2, maxItems: 3 };
    expect(check(group, [1, 2])).toEqual([]);
    expect(check(group, [1])).toEqual(['minItems@']);
    expect(check(group, [1, 2, 3, 4])).toEqual(['maxItems@']);
    const page = { type: 'object', properties: { m: multiChoice, g: group } };
    expect(answerErrors(page, { m: [], g: [1, 2, 3, 4] })).toEqual([
      { field: 'm', code: 'minItems', limit: 1 },
      { field: 'g', code: 'maxItems', limit: 3 },
    ]);
  });

  it('refuses the same value twice (JSON equality), after the items own errors', () => {
    expect(check(multiChoice, ['tuin', 'garage', 'tuin'])).toEqual(['uniqueItems@']);
    expect(check({ type: 'array', uniqueItems: true }, [{ a: [1] }, { a: [1] }])).toEqual(['uniqueItems@']);
    expect(check({ type: 'array', uniqueItems: true }, [{ a: [1] }, { a: [2] }, 1, '1'])).toEqual([]);
    expect(check({ type: 'array', uniqueItems: false }, ['tuin', 'tuin'])).toEqual([]);
    expect(check(multiChoice, ['zolder', 'zolder'])).toEqual(['enum@/0', 'enum@/1', 'uniqueItems@']);
    expect(answerErrors({ type: 'object', properties: { m: multiChoice } }, { m: ['tuin', 'tuin'] })).toEqual([{ field: 'm', code: 'uniqueItems' }]);
  });
});

describe('allOf with if/then', () => {
  const page = {
    type: 'object',
    properties: { hypotheek: { type: 'boolean' }, bedrag: { type: 'number', minimum: 1 }, bank: { type: 'string' }, staat: { type: 'string' } },
    required: ['hypotheek'],
    allOf: [cond('hypotheek', true, 'bedrag'), cond('hypotheek', true, 'bank'), cond('staat', 'gehuwd', 'bank')],
  };

  it('applies `then` only when `if` holds', () => {
    expect(check(page, { hypotheek: false })).toEqual([]);
    expect(check(page, { hypotheek: true })).toEqual(['required@', 'required@']);
    expect(answerErrors(page, { hypotheek: true })).toEqual([
      { field: 'bedrag', code: 'required' },
      { field: 'bank', code: 'required' },
    ]);
    expect(answerErrors(page, { hypotheek: true, bedrag: 0, bank: 'x' })).toEqual([{ field: 'bedrag', code: 'minimum', limit: 1 }]);
  });

  it("does not apply `then` when the condition's question is not answered (if's required fails)", () => {
    expect(check(page, {})).toEqual(['required@']);
    expect(answerErrors(page, { hypotheek: false, staat: 'ongehuwd' })).toEqual([]);
    expect(answerErrors(page, { hypotheek: false, staat: 'gehuwd' })).toEqual([{ field: 'bank', code: 'required' }]);
  });

  it('reports the conditional required ones before the plain ones, as Ajv did', () => {
    const errors = compileSchema({ ...page, required: ['hypotheek', 'staat'] }, options())({ hypotheek: true });
    expect(errors.map((e) => e.params.missingProperty)).toEqual(['bedrag', 'bank', 'staat']);
  });

  it('applies every part of allOf; an if without then, or a then without if, decides nothing', () => {
    expect(check({ allOf: [{ type: 'string' }, { minLength: 2 }] }, 'x')).toEqual(['minLength@']);
    expect(check({ allOf: [{ type: 'string' }, { minLength: 2 }] }, 1)).toEqual(['type@']);
    expect(check({ if: { const: 1 } }, 1)).toEqual([]);
    expect(check({ then: { const: 2 } }, 1)).toEqual([]);
    expect(check({ if: { const: 1 }, then: { const: 2 } }, 1)).toEqual(['const@']);
    expect(check({ if: { const: 1 }, then: { const: 2 } }, 3)).toEqual([]);
  });
});

describe('repeating blocks (group questions)', () => {
  // A group whose blocks hold a yes/no, a question required only when it is "nee", and a nested group of their own.
  const block = {
    type: 'object',
    properties: {
      naam: { type: 'string', minLength: 1, maxLength: 100 },
      thuis: { type: 'boolean' },
      adres: { type: 'string', minLength: 1, maxLength: 200 },
      geboortedatum: { type: 'string', format: 'date', portalDateRange: { min: '1900-01-01', max: 'today' } },
      diplomas: {
        type: 'array',
        maxItems: 2,
        items: {
          type: 'object',
          properties: { naam: { type: 'string', minLength: 1, maxLength: 100 }, jaar: { type: 'number', minimum: 1950, maximum: 2026 } },
          required: ['naam'],
          additionalProperties: false,
        },
      },
    },
    required: ['naam', 'thuis'],
    allOf: [cond('thuis', false, 'adres')],
    additionalProperties: false,
  };
  const page = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Gezin',
    type: 'object',
    properties: { kinderen: { type: 'boolean' }, kind: { type: 'array', minItems: 1, maxItems: 3, items: block } },
    required: ['kinderen'],
    allOf: [cond('kinderen', true, 'kind')],
    additionalProperties: false,
  };

  it('accepts filled-in blocks', () => {
    const answers = {
      kinderen: true,
      kind: [
        { naam: 'Bram', thuis: true, geboortedatum: '2010-05-01', diplomas: [{ naam: 'vmbo', jaar: 2026 }] },
        { naam: 'Sara', thuis: false, adres: 'Kerkstraat 1, Utrecht' },
      ],
    };
    expect(answerErrors(page, answers)).toEqual([]);
  });

  it('names errors in blocks and in blocks within blocks like the server: kind[1].diplomas[0].jaar', () => {
    const answers = {
      kinderen: true,
      kind: [
        { naam: 'Bram', thuis: true, geboortedatum: '2030-01-01' },
        { naam: '', thuis: false, diplomas: [{ naam: 'havo', jaar: 1949 }, {}, {}] },
      ],
    };
    expect(answerErrors(page, answers)).toEqual([
      { field: 'kind[0].geboortedatum', code: 'dateRange', min: '1900-01-01', max: 'today' },
      { field: 'kind[1].adres', code: 'required' },
      { field: 'kind[1].naam', code: 'required' },
      { field: 'kind[1].diplomas', code: 'maxItems', limit: 2 },
      { field: 'kind[1].diplomas[0].jaar', code: 'minimum', limit: 1950 },
      { field: 'kind[1].diplomas[1].naam', code: 'required' },
      { field: 'kind[1].diplomas[2].naam', code: 'required' },
    ]);
  });

  it("evaluates a block's condition with that block's own answers", () => {
    const answers = { kinderen: true, kind: [{ naam: 'A', thuis: false, adres: 'x' }, { naam: 'B', thuis: false }, { naam: 'C', thuis: true }] };
    expect(answerErrors(page, answers)).toEqual([{ field: 'kind[1].adres', code: 'required' }]);
  });

  it('requires the group only when its condition holds, and then at least one block', () => {
    expect(answerErrors(page, { kinderen: false })).toEqual([]);
    expect(answerErrors(page, { kinderen: true })).toEqual([{ field: 'kind', code: 'required' }]);
    expect(answerErrors(page, { kinderen: true, kind: [] })).toEqual([{ field: 'kind', code: 'minItems', limit: 1 }]);
    expect(answerErrors(page, { kinderen: true, kind: ['Bram'] })).toEqual([{ field: 'kind[0]', code: 'type' }]);
  });
});

describe('boolean schemas', () => {
  it('true accepts everything, false nothing', () => {
    expect(check(true, { anything: 1 })).toEqual([]);
    expect(check({ type: 'array', items: false }, [])).toEqual([]);
    expect(check({ type: 'array', items: false }, [1])).toEqual(['false schema@/0']);
  });
});

describe('keywords the server does not send', () => {
  it('ignores annotations without a word', () => {
    const warn = vi.fn();
    const annotated = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://portal.example/schemas/x',
      $comment: 'made by PageSchemas',
      title: 'Uw gegevens',
      description: 'Over u',
      type: 'object',
      properties: {
        a: { type: 'string', title: 'A', description: 'a', default: '', examples: ['x'], deprecated: false, readOnly: false, writeOnly: false, 'x-widget': 'text' },
      },
      'x-portal-version': 3,
    };
    expect(answerErrors(annotated, { a: 1 }, warn)).toEqual([{ field: 'a', code: 'type' }]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('reports an unknown keyword once per validator, wherever and however often it occurs, and treats it as valid', () => {
    const warn = vi.fn();
    const validator = new AnswerValidator({ today: () => TODAY, warn });
    const newer = {
      type: 'object',
      properties: { a: { type: 'string', pattern: '^[0-9]+$' }, b: { type: 'string', pattern: '^x' }, c: { not: { const: 1 } } },
      dependentRequired: { a: ['b'] },
    };
    expect(validator.validate(newer, { a: 'abc', b: 'y', c: 1 })).toEqual([]);
    expect(validator.validate({ ...newer, title: 'again' }, { a: 'abc' })).toEqual([]);
    expect(warn.mock.calls.map((c) => c[0].match(/"(\w+)"/)[1])).toEqual(['dependentRequired', 'pattern', 'not']);
    expect(warn.mock.calls[1][0]).toMatch(/#\/properties\/a/);
    // The known keywords next to them still count.
    expect(validator.validate(newer, { a: 1 })).toEqual([{ field: 'a', code: 'type' }]);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('warns through console.warn by default', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(new AnswerValidator().validate({ type: 'object', 'unevaluatedProperties': false }, { x: 1 })).toEqual([]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][0]).toMatch(/unknown keyword "unevaluatedProperties"/);
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    ['additionalProperties as a schema', { type: 'object', additionalProperties: { type: 'string' } }, { x: 1 }],
    ['items as an array (tuple)', { type: 'array', items: [{ type: 'string' }] }, [1]],
    ['a type that does not exist', { type: 'text' }, 1],
    ['minLength that is not a count', { type: 'string', minLength: '1' }, ''],
    ['maximum that is not a number', { type: 'number', maximum: '10' }, 11],
    ['required that is not a list of names', { type: 'object', required: 'a' }, {}],
    ['enum that is not a list', { enum: 'a' }, 'b'],
    ['a subschema that is not a schema', { type: 'object', properties: { a: 'string' } }, { a: 1 }],
  ])('reports %s and accepts the value', (_, schema, value) => {
    const opts = options();
    expect(check(schema as JsonSchema, value, opts)).toEqual([]);
    expect(opts.warn).toHaveBeenCalledTimes(1);
  });

  it('maps an error it does not know to its own code (shown as "not valid")', () => {
    const error: SchemaError = { keyword: 'false schema', instancePath: '/a/0', params: {} };
    expect(toAnswerError(error)).toEqual({ field: 'a[0]', code: 'false schema' });
  });
});
