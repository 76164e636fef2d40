// Validation of a page's answers in the browser, with the JSON Schema (draft 2020-12) the server sends for that page and
// validates with again (questionnaire-service: PageSchemas, AnswerValidator, Formats). The schema is checked by the
// `jsonschema` package, an interpreter: no code is generated (no `new Function`/`eval`), so the page runs under a
// Content-Security-Policy `script-src 'self'`. Added here: the formats (postcode, iban, bsn, phone, email, date:
// formats.ts), the keyword portalDateRange {min?, max?} ('YYYY-MM-DD' or 'today') and the mapping of its errors to the
// server's {field, code, format?, limit?}. Both sides run the cases of scripts/questionnaires/validation-cases.json
// (sharedValidationCases.test.ts), so a rule changed on one side only fails a build.
//
// Annotations (title, description, $comment, x-…) are ignored; any other keyword the package does not know, a format or
// a portalDateRange it cannot read is reported once in a console warning and counts as valid: a newer server never
// blocks the client, and the server checks every answer again.
import { SchemaError as InvalidSchema, ValidatorResult, Validator, type Schema, type ValidationError } from 'jsonschema';
import type { AnswerError, JsonSchema, PageAnswers, Question } from '../../../lib/api/types';
import { isBsn, isDate, isEmail, isIban, isPhone, isPostcode } from './formats';
import { resolveDateBound, todayInAmsterdam } from './dates';
import { questionAt, type Evaluation } from './answers';

/** Every format the schemas use: the portal's, and JSON Schema's email and date (with the portal's rules). */
export const FORMATS: Record<string, (value: string) => boolean> = {
  postcode: isPostcode,
  iban: isIban,
  bsn: isBsn,
  phone: isPhone,
  email: isEmail,
  date: isDate,
};

export interface ValidatorOptions {
  /** Today as YYYY-MM-DD (for portalDateRange's 'today'); Amsterdam's today by default. */
  today?: () => string;
  /** Where a keyword, format or portalDateRange that is not checked here is reported; console.warn by default. */
  warn?: (message: string) => void;
}

/** Reports what is not checked: `key` names the keyword or format (one message per key). */
type Report = (key: string, message: string) => void;

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', '$defs', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly']);
const isAnnotation = (keyword: string) => ANNOTATIONS.has(keyword) || keyword.startsWith('x-');
const DATE_BOUND = /^(today|\d{4}-\d{2}-\d{2})$/;

/** A failed keyword of ours, as the package reports its own. */
function failure(instance: unknown, schema: Schema, options: object, ctx: unknown, name: string, argument: unknown, message: string) {
  const result = new ValidatorResult(instance, schema, options, ctx as never);
  result.addError({ name, argument: argument as string, message });
  return result;
}

/** A checker of schemas with the portal's formats and keyword; it remembers what it was told to skip. */
class SchemaChecker {
  private readonly validator = new Validator();
  private readonly skipped = new Set(ANNOTATIONS);

  constructor(
    today: () => string,
    private readonly report: Report,
  ) {
    this.validator.attributes.format = (instance, schema, options, ctx) => {
      if (typeof instance !== 'string') return undefined as never;
      const test = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
      if (!test) {
        report(`format:${String(schema.format)}`, `questionnaire schema: unknown format ${JSON.stringify(schema.format)}; not checked in the browser (the server checks it)`);
        return undefined as never;
      }
      return test(instance) ? (undefined as never) : failure(instance, schema, options, ctx, 'format', schema.format, 'is not a valid ' + schema.format);
    };
    this.validator.attributes.portalDateRange = (instance, schema, options, ctx) => {
      const range = (schema as { portalDateRange?: unknown }).portalDateRange as { min?: unknown; max?: unknown } | null;
      const readable =
        typeof range === 'object' &&
        range !== null &&
        !Array.isArray(range) &&
        Object.keys(range).every((k) => k === 'min' || k === 'max') &&
        [range.min, range.max].every((bound) => bound === undefined || (typeof bound === 'string' && DATE_BOUND.test(bound)));
      if (!readable) {
        report('form:portalDateRange', `questionnaire schema: portalDateRange ${JSON.stringify(range)} is not {min?, max?} with 'YYYY-MM-DD' or 'today'; not checked in the browser (the server checks it)`);
        return undefined as never;
      }
      // Only real dates are compared; anything else is left to `format: date`. Today is read when it checks, not before.
      if (typeof instance !== 'string' || !isDate(instance)) return undefined as never;
      const { min, max } = range as { min?: string; max?: string };
      const from = resolveDateBound(min, today());
      const to = resolveDateBound(max, today());
      if ((from === undefined || instance >= from) && (to === undefined || instance <= to)) return undefined as never;
      return failure(instance, schema, options, ctx, 'portalDateRange', { min, max }, 'is outside the allowed dates');
    };
  }

  /** The package's errors; a keyword it does not know is reported (annotations silently) and skipped from then on. */
  check(schema: JsonSchema | boolean, data: unknown): ValidationError[] {
    for (;;) {
      try {
        return this.validator.validate(data, schema as Schema, { allowUnknownAttributes: false, skipAttributes: [...this.skipped] }).errors;
      } catch (e) {
        const unknown = e instanceof InvalidSchema ? /^Unsupported attribute: (.+)$/.exec(e.message)?.[1] : undefined;
        if (unknown === undefined || this.skipped.has(unknown)) throw e;
        this.skipped.add(unknown);
        if (!isAnnotation(unknown)) {
          this.report(`keyword:${unknown}`, `questionnaire schema: unknown keyword "${unknown}"; not checked in the browser (the server checks it)`);
        }
      }
    }
  }
}

/** "/bewoners/1/naam" (a JSON Pointer) → "bewoners[1].naam" (the server's notation; block indexes from 0). */
export function pointerToField(pointer: string, property?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return pathToField(property === undefined ? parts : [...parts, property]);
}

/** ["bewoners", 1, "naam"] → "bewoners[1].naam". */
function pathToField(path: (string | number)[]): string {
  let field = '';
  for (const part of path) field += typeof part === 'number' || /^\d+$/.test(part) ? `[${part}]` : field ? `.${part}` : part;
  return field;
}

/** One error of the package as the portal's {field, code, …} (the server's FieldError); undefined for allOf's summary. */
export function toAnswerError(error: ValidationError): AnswerError | undefined {
  const path = error.path ?? [];
  const field = pathToField(error.name === 'required' || error.name === 'additionalProperties' ? [...path, String(error.argument)] : path);
  const limit = typeof error.argument === 'number' ? error.argument : undefined;
  switch (error.name) {
    case 'allOf':
      return undefined; // its parts' errors are reported too
    case 'required':
      return { field, code: 'required' };
    case 'minLength':
      // A required text is at least one character: an empty one is a missing one.
      return limit !== undefined && limit <= 1 ? { field, code: 'required' } : { field, code: 'minLength', limit };
    case 'minItems': {
      // A several-choices question without a choice is unanswered; a group needs its blocks.
      const items = (error.schema as Schema).items as Schema | undefined;
      return { field, code: limit === 1 && items?.type !== 'object' ? 'required' : 'minItems', limit };
    }
    case 'maxLength':
    case 'maxItems':
    case 'minimum':
    case 'maximum':
      return { field, code: error.name, limit };
    case 'format':
      return { field, code: 'format', format: error.argument as AnswerError['format'] };
    case 'portalDateRange': {
      const { min, max } = error.argument as { min?: string; max?: string };
      return { field, code: 'dateRange', min, max };
    }
    case 'enum':
    case 'const':
      return { field, code: 'enum' };
    default:
      return { field, code: error.name };
  }
}

/** A wrong type says it all: the other errors of that answer (enum, maximum, …) are left out, as on the server. */
function withoutAfterWrongType(errors: AnswerError[]): AnswerError[] {
  const wrongType = new Set(errors.filter((e) => e.code === 'type').map((e) => e.field));
  return errors.filter((e) => e.code === 'type' || !wrongType.has(e.field));
}

/** Keeps one error per field (the first), in the order of the fields on the page. */
export function firstPerField(errors: AnswerError[]): AnswerError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
}

/**
 * Validates answers against schemas. What a schema holds that is not checked here is reported once per validator
 * (keyword, format) and left to the server.
 */
export class AnswerValidator {
  private readonly checker: SchemaChecker;

  constructor(options: ValidatorOptions = {}) {
    this.checker = new SchemaChecker(options.today ?? (() => todayInAmsterdam()), onceEach(options.warn));
  }

  /** Every error of the schema for these answers, as the server names them (the shared cases compare these). */
  errors(schema: JsonSchema | boolean, answers: unknown): AnswerError[] {
    return withoutAfterWrongType(
      this.checker
        .check(schema, answers)
        .map(toAnswerError)
        .filter((e): e is AnswerError => e !== undefined),
    );
  }

  /**
   * The schema's errors for these answers, as {field, code, …}, one per field. An answer to no question of the schema is
   * left to the server: the page only sends the questions of its schema.
   */
  validate(schema: JsonSchema, answers: PageAnswers): AnswerError[] {
    return firstPerField(this.errors(schema, answers).filter((e) => e.code !== 'additionalProperties'));
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

/** A reporter that passes on one message per key. */
function onceEach(warn: (message: string) => void = (message) => console.warn(message)): Report {
  const reported = new Set<string>();
  return (key, message) => {
    if (reported.has(key)) return;
    reported.add(key);
    warn(message);
  };
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
