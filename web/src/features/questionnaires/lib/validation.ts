// Validation of a page's answers in the browser, with the JSON Schema (draft 2020-12) the server sends for that page and
// validates with again (questionnaire-service: PageSchemas, AnswerValidator, Formats). A small interpreter of exactly
// the keywords those schemas use, without code generation: no `new Function`/`eval`, so the page runs under a
// Content-Security-Policy `script-src 'self'` (Ajv, used before, compiled every schema with `new Function`).
//
// Keywords: type, const, enum, allOf, if/then, minimum, maximum, minLength, maxLength, format (postcode, iban, bsn,
// phone, email, date), portalDateRange {min?, max?} ('YYYY-MM-DD' or 'today'), minItems, maxItems, uniqueItems, items,
// required, additionalProperties (true/false), properties; a subschema may be true or false. Annotations ($schema, $id,
// $comment, title, description, default, examples, deprecated, readOnly, writeOnly, x-…) are ignored. Anything else —
// an unknown keyword, an unknown format, a known keyword in a form the server does not send — is reported once in a
// console warning and counts as valid: a newer server never blocks the client, and the server checks every answer again.
// Errors use Ajv's names and JSON Pointers ({keyword, instancePath, params}) and become the server's {field, code, …}.
import type { AnswerError, JsonSchema, PageAnswers, Question, QuestionFormat } from '../../../lib/api/types';
import { isBsn, isDate, isEmail, isIban, isPhone, isPostcode, resolveDateBound, todayInAmsterdam } from './formats';
import { questionAt, type Evaluation } from './answers';

/** The portal's own formats, by the name the schemas use. */
export const PORTAL_FORMATS: Record<Exclude<QuestionFormat, 'email'>, (value: string) => boolean> = {
  postcode: isPostcode,
  iban: isIban,
  bsn: isBsn,
  phone: isPhone,
};

/** Every format the schemas use: the portal's, and JSON Schema's email and date. */
export const FORMATS: Record<string, (value: string) => boolean> = { ...PORTAL_FORMATS, email: isEmail, date: isDate };

export interface ValidatorOptions {
  /** Today as YYYY-MM-DD (for portalDateRange's 'today'); Amsterdam's today by default. */
  today?: () => string;
  /** Where a keyword, format or keyword form that is not checked here is reported; console.warn by default. */
  warn?: (message: string) => void;
}

/** A failed keyword: its name (as Ajv named it), where (a JSON Pointer: "/bewoners/1/naam") and its details. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** A compiled schema: the errors of a value, none when it is valid. */
export type SchemaCheck = (data: unknown) => SchemaError[];

type Check = (value: unknown, pointer: string, errors: SchemaError[]) => void;
/** Reports what is not checked: `key` names the keyword or format (one message per key), `message` says where. */
type Report = (key: string, message: string) => void;
type Schema = { [keyword: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly']);
const isAnnotation = (keyword: string) => ANNOTATIONS.has(keyword) || keyword.startsWith('x-');

/** The keywords checked here, in the order they are checked: Ajv's order, so that a field's first error stays the same. */
const KEYWORDS = [
  'type',
  'const',
  'enum',
  'allOf',
  'if',
  'then',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'format',
  'portalDateRange',
  'maxItems',
  'minItems',
  'items',
  'uniqueItems',
  'required',
  'additionalProperties',
  'properties',
] as const;
const KNOWN = new Set<string>(KEYWORDS);

const TYPES: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  array: (v) => Array.isArray(v),
  object: (v) => isObject(v),
};

const DATE_BOUND = /^(today|\d{4}-\d{2}-\d{2})$/;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const has = (object: Schema, key: string) => Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Length in characters as JSON Schema counts them: code points (an emoji is one, as on the server). */
const length = (text: string) => Array.from(text).length;

/** JSON equality (const, enum, uniqueItems): same type and value, arrays and objects compared deeply. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => has(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Compiles schemas into checks (closures; no generated code), reporting what it does not check through `warn`. */
class Compiler {
  constructor(
    private readonly today: () => string,
    private readonly warn: Report,
  ) {}

  /** Reports a keyword value this interpreter does not understand; the keyword then counts as valid. */
  private unsupported(keyword: string, at: string, what: string): undefined {
    this.warn(`form:${keyword}`, `questionnaire schema: ${keyword} at ${at} ${what}; not checked in the browser (the server checks it)`);
    return undefined;
  }

  compile(schema: unknown, at: string): Check {
    if (schema === true) return () => {};
    if (schema === false) return (_, pointer, errors) => void errors.push({ keyword: 'false schema', instancePath: pointer, params: {} });
    if (!isObject(schema)) {
      this.unsupported('schema', at, 'is neither an object nor a boolean');
      return () => {};
    }
    for (const keyword of Object.keys(schema)) {
      if (!KNOWN.has(keyword) && !isAnnotation(keyword)) {
        this.warn(
          `keyword:${keyword}`,
          `questionnaire schema: unknown keyword "${keyword}" at ${at}; not checked in the browser (the server checks it)`,
        );
      }
    }
    const type = has(schema, 'type') ? this.type(schema.type, at) : undefined;
    const checks: Check[] = [];
    for (const keyword of KEYWORDS) {
      if (keyword === 'type' || !has(schema, keyword)) continue;
      const check = this.keyword(keyword, schema, `${at}/${keyword}`);
      if (check) checks.push(check);
    }
    return (value, pointer, errors) => {
      if (type && !type.matches(value)) {
        errors.push({ keyword: 'type', instancePath: pointer, params: { type: type.name } });
        return;
      }
      for (const check of checks) check(value, pointer, errors);
    };
  }

  private type(type: unknown, at: string): { name: string | string[]; matches: (value: unknown) => boolean } | undefined {
    const names = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
    if (!names || names.length === 0 || !names.every((name) => typeof name === 'string' && name in TYPES)) {
      return this.unsupported('type', at, `is ${JSON.stringify(type)}`);
    }
    const tests = (names as string[]).map((name) => TYPES[name]);
    return { name: type as string | string[], matches: (value) => tests.some((test) => test(value)) };
  }

  private keyword(keyword: (typeof KEYWORDS)[number], schema: Schema, at: string): Check | undefined {
    const value = schema[keyword];
    const fail = (errors: SchemaError[], pointer: string, params: Record<string, unknown> = {}) =>
      errors.push({ keyword, instancePath: pointer, params });
    switch (keyword) {
      case 'const':
        return (data, pointer, errors) => {
          if (!jsonEqual(data, value)) fail(errors, pointer, { allowedValue: value });
        };
      case 'enum': {
        if (!Array.isArray(value)) return this.unsupported(keyword, at, 'is not an array');
        return (data, pointer, errors) => {
          if (!value.some((allowed) => jsonEqual(data, allowed))) fail(errors, pointer, { allowedValues: value });
        };
      }
      case 'allOf': {
        if (!Array.isArray(value) || value.length === 0) return this.unsupported(keyword, at, 'is not a non-empty array');
        const parts = value.map((part, i) => this.compile(part, `${at}/${i}`));
        return (data, pointer, errors) => parts.forEach((part) => part(data, pointer, errors));
      }
      case 'if': {
        // Without `then` (`else` is not used by the server) an `if` decides nothing.
        if (!has(schema, 'then')) return undefined;
        const condition = this.compile(value, at);
        const then = this.compile(schema.then, at.replace(/\/if$/, '/then'));
        return (data, pointer, errors) => {
          const failed: SchemaError[] = [];
          condition(data, pointer, failed);
          if (failed.length === 0) then(data, pointer, errors);
        };
      }
      case 'then':
        return undefined; // with `if`; alone it means nothing
      case 'maximum':
      case 'minimum': {
        if (typeof value !== 'number' || !Number.isFinite(value)) return this.unsupported(keyword, at, 'is not a number');
        const max = keyword === 'maximum';
        return (data, pointer, errors) => {
          if (typeof data === 'number' && (max ? data > value : data < value)) {
            fail(errors, pointer, { comparison: max ? '<=' : '>=', limit: value });
          }
        };
      }
      case 'maxLength':
      case 'minLength':
      case 'maxItems':
      case 'minItems': {
        if (!isCount(value)) return this.unsupported(keyword, at, 'is not a whole number ≥ 0');
        const max = keyword.startsWith('max');
        const size = keyword.endsWith('Length')
          ? (data: unknown) => (typeof data === 'string' ? length(data) : undefined)
          : (data: unknown) => (Array.isArray(data) ? data.length : undefined);
        return (data, pointer, errors) => {
          const n = size(data);
          if (n !== undefined && (max ? n > value : n < value)) fail(errors, pointer, { limit: value });
        };
      }
      case 'format': {
        const test = typeof value === 'string' ? FORMATS[value] : undefined;
        if (!test) {
          this.warn(`format:${String(value)}`, `questionnaire schema: unknown format ${JSON.stringify(value)} at ${at}; not checked in the browser (the server checks it)`);
          return undefined;
        }
        return (data, pointer, errors) => {
          if (typeof data === 'string' && !test(data)) fail(errors, pointer, { format: value });
        };
      }
      case 'portalDateRange': {
        const range = value as { min?: unknown; max?: unknown };
        const valid =
          isObject(range) &&
          Object.keys(range).every((k) => k === 'min' || k === 'max') &&
          [range.min, range.max].every((bound) => bound === undefined || (typeof bound === 'string' && DATE_BOUND.test(bound)));
        if (!valid) return this.unsupported(keyword, at, `is ${JSON.stringify(value)}, not {min?, max?} with 'YYYY-MM-DD' or 'today'`);
        const { min, max } = range as { min?: string; max?: string };
        return (data, pointer, errors) => {
          // Only real dates are compared; anything else is left to `format: date`.
          if (typeof data !== 'string' || !isDate(data)) return;
          const now = this.today();
          const from = resolveDateBound(min, now);
          const to = resolveDateBound(max, now);
          if ((from !== undefined && data < from) || (to !== undefined && data > to)) fail(errors, pointer, { min, max });
        };
      }
      case 'uniqueItems': {
        if (typeof value !== 'boolean') return this.unsupported(keyword, at, 'is not a boolean');
        if (!value) return undefined;
        return (data, pointer, errors) => {
          if (!Array.isArray(data)) return;
          for (let i = data.length - 1; i > 0; i--) {
            for (let j = i - 1; j >= 0; j--) {
              if (jsonEqual(data[i], data[j])) return void fail(errors, pointer, { i, j });
            }
          }
        };
      }
      case 'items': {
        if (!isObject(value) && typeof value !== 'boolean') return this.unsupported(keyword, at, 'is not a schema');
        const item = this.compile(value, at);
        return (data, pointer, errors) => {
          if (Array.isArray(data)) data.forEach((element, i) => item(element, `${pointer}/${i}`, errors));
        };
      }
      case 'required': {
        if (!Array.isArray(value) || !value.every((name) => typeof name === 'string')) {
          return this.unsupported(keyword, at, 'is not an array of names');
        }
        return (data, pointer, errors) => {
          if (!isObject(data)) return;
          for (const name of value as string[]) if (!has(data, name)) fail(errors, pointer, { missingProperty: name });
        };
      }
      case 'additionalProperties': {
        if (typeof value !== 'boolean') return this.unsupported(keyword, at, 'is a schema, not true or false');
        if (value) return undefined;
        const properties = isObject(schema.properties) ? schema.properties : {};
        return (data, pointer, errors) => {
          if (!isObject(data)) return;
          for (const name of Object.keys(data)) if (!has(properties, name)) fail(errors, pointer, { additionalProperty: name });
        };
      }
      case 'properties': {
        if (!isObject(value)) return this.unsupported(keyword, at, 'is not an object');
        const properties = Object.keys(value).map((name) => [name, escape(name), this.compile(value[name], `${at}/${escape(name)}`)] as const);
        return (data, pointer, errors) => {
          if (!isObject(data)) return;
          for (const [name, escaped, check] of properties) if (has(data, name)) check(data[name], `${pointer}/${escaped}`, errors);
        };
      }
    }
  }
}

/**
 * Compiles a schema into a check of values. What it does not check is reported through `options.warn` (console.warn by
 * default), once per keyword or format, and counts as valid.
 */
export function compileSchema(schema: JsonSchema | boolean, options: ValidatorOptions = {}): SchemaCheck {
  return compileReporting(schema, options.today, onceEach(options.warn));
}

function compileReporting(schema: JsonSchema | boolean, today: (() => string) | undefined, report: Report): SchemaCheck {
  const check = new Compiler(today ?? (() => todayInAmsterdam()), report).compile(schema, '#');
  return (data) => {
    const errors: SchemaError[] = [];
    check(data, '', errors);
    return errors;
  };
}

/** A reporter that passes on one message per key. */
function onceEach(warn: (message: string) => void = (message) => console.warn(message)): Report {
  const reported = new Set<string>();
  return (key, message) => {
    if (reported.has(key)) return;
    reported.add(key);
    warn(message);
  };
}

/** "/bewoners/1/naam" (a JSON Pointer) → "bewoners[1].naam" (the server's notation; block indexes from 0). */
export function pointerToField(pointer: string, property?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (property !== undefined) parts.push(property);
  let field = '';
  for (const part of parts) field += /^\d+$/.test(part) ? `[${part}]` : field ? `.${part}` : part;
  return field;
}

/**
 * One schema error as the portal's {field, code, …}; undefined for an unexpected property (the page only sends the
 * questions of its schema; the server reports it if it happens).
 */
export function toAnswerError(error: SchemaError): AnswerError | undefined {
  const params = error.params;
  const field = (property?: unknown) => pointerToField(error.instancePath, typeof property === 'string' ? property : undefined);
  const limit = typeof params.limit === 'number' ? params.limit : undefined;
  switch (error.keyword) {
    case 'required':
      return { field: field(params.missingProperty), code: 'required' };
    case 'minLength':
      // A required text is at least one character: an empty one is a missing one.
      return limit !== undefined && limit <= 1 ? { field: field(), code: 'required' } : { field: field(), code: 'minLength', limit };
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return { field: field(), code: error.keyword, limit };
    case 'minimum':
      return { field: field(), code: 'minimum', limit };
    case 'maximum':
      return { field: field(), code: 'maximum', limit };
    case 'format':
      return { field: field(), code: 'format', format: params.format as AnswerError['format'] };
    case 'portalDateRange':
      return { field: field(), code: 'dateRange', min: params.min as string | undefined, max: params.max as string | undefined };
    case 'enum':
    case 'const':
      return { field: field(), code: 'enum' };
    case 'type':
      return { field: field(), code: 'type' };
    case 'additionalProperties':
      return undefined;
    default:
      return { field: field(), code: error.keyword };
  }
}

/** Keeps one error per field (the first), in the order of the fields on the page. */
export function firstPerField(errors: AnswerError[]): AnswerError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
}

/**
 * Validates answers against schemas, compiling each schema once. What a schema holds that is not checked here is
 * reported once per validator (keyword, format) and left to the server.
 */
export class AnswerValidator {
  private readonly compiled = new Map<string, SchemaCheck>();
  private readonly today: (() => string) | undefined;
  private readonly report: Report;

  constructor(options: ValidatorOptions = {}) {
    this.today = options.today;
    this.report = onceEach(options.warn);
  }

  private compile(schema: JsonSchema): SchemaCheck {
    const key = JSON.stringify(schema);
    let check = this.compiled.get(key);
    if (!check) {
      check = compileReporting(schema, this.today, this.report);
      this.compiled.set(key, check);
    }
    return check;
  }

  /** The schema's errors for these answers, as {field, code, …}, one per field. */
  validate(schema: JsonSchema, answers: PageAnswers): AnswerError[] {
    const errors = this.compile(schema)(answers);
    return firstPerField(errors.map(toAnswerError).filter((e): e is AnswerError => e !== undefined));
  }

  /**
   * A page's errors: the schema's, for the shown questions only; plus "required" for a shown required question without
   * an answer that the schema could not know about (its showIf points at an earlier page). Ordered as on the page.
   */
  validatePage(questions: Question[], schema: JsonSchema | undefined, evaluation: Evaluation): AnswerError[] {
    const schemaErrors = schema ? this.validate(schema, evaluation.answers) : [];
    const shown = schemaErrors.filter((e) => evaluation.visible.has(e.field) || !questionAt(questions, e.field));
    const missing = missingRequired(questions, evaluation.answers, evaluation.visible, '');
    const errors = firstPerField([...shown, ...missing]);
    const order = [...evaluation.visible];
    const position = (field: string) => {
      const index = order.indexOf(field);
      return index < 0 ? order.length : index;
    };
    return errors.sort((a, b) => position(a.field) - position(b.field));
  }
}

function missingRequired(questions: Question[], answers: PageAnswers, visible: Set<string>, prefix: string): AnswerError[] {
  const errors: AnswerError[] = [];
  for (const question of questions) {
    const field = `${prefix}${question.id}`;
    if (!visible.has(field)) continue;
    const value = answers[question.id];
    if (value === undefined) {
      if (question.required) errors.push({ field, code: 'required' });
    } else if (question.type === 'group' && Array.isArray(value)) {
      (value as PageAnswers[]).forEach((block, i) => errors.push(...missingRequired(question.questions ?? [], block, visible, `${field}[${i}].`)));
    }
  }
  return errors;
}

