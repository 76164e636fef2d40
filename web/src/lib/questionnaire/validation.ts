// Validation of a page's answers in the browser, with the JSON Schema (draft 2020-12) the server sends for that page and
// validates with again: Ajv 2020 + ajv-formats (email, date) + the portal's formats (postcode, iban, bsn, phone) and
// keyword (portalDateRange). Ajv's errors become the same {field, code, format} as the server's 400 `errors[]`.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { AnswerError, JsonSchema, PageAnswers, Question, QuestionFormat } from '../types';
import { isBsn, isIban, isPhone, isPostcode, resolveDateBound, todayInAmsterdam } from './formats';
import { questionAt, type Evaluation } from './answers';

/** The portal's own formats, by the name the schemas use. */
export const PORTAL_FORMATS: Record<Exclude<QuestionFormat, 'email'>, (value: string) => boolean> = {
  postcode: isPostcode,
  iban: isIban,
  bsn: isBsn,
  phone: isPhone,
};

const DATE_BOUND = { type: 'string', pattern: '^(today|\\d{4}-\\d{2}-\\d{2})$' };

interface DateRange {
  min?: string;
  max?: string;
}

export interface ValidatorOptions {
  /** Today as YYYY-MM-DD (for portalDateRange's 'today'); Amsterdam's today by default. */
  today?: () => string;
}

/** An Ajv 2020 instance with every format and keyword the portal's schemas use. */
export function createAjv(options: ValidatorOptions = {}): Ajv2020 {
  const today = options.today ?? (() => todayInAmsterdam());
  // strict: false — annotations the server may add (title, description, x-…) must not break validation in the browser.
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true, messages: false });
  addFormats(ajv, ['date', 'email']);
  for (const [name, validate] of Object.entries(PORTAL_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  ajv.addKeyword({
    keyword: 'portalDateRange',
    type: 'string',
    schemaType: 'object',
    metaSchema: { type: 'object', properties: { min: DATE_BOUND, max: DATE_BOUND }, additionalProperties: false },
    errors: true,
    validate: function portalDateRange(this: unknown, range: DateRange, data: string): boolean {
      const self = portalDateRange as unknown as { errors?: Partial<ErrorObject>[] };
      self.errors = [];
      // Only dates in the YYYY-MM-DD form are compared; `format: date` refuses anything else.
      if (!/^\d{4}-\d{2}-\d{2}$/.test(data)) return true;
      const now = today();
      const min = resolveDateBound(range.min, now);
      const max = resolveDateBound(range.max, now);
      if ((min !== undefined && data < min) || (max !== undefined && data > max)) {
        self.errors = [{ keyword: 'portalDateRange', params: { min: range.min, max: range.max } }];
        return false;
      }
      return true;
    },
  });
  return ajv;
}

/** "/bewoners/1/naam" (a JSON Pointer of Ajv) → "bewoners[1].naam" (the server's notation; block indexes from 0). */
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

/** One Ajv error as the portal's {field, code, …}; undefined for errors that only repeat another one (if, allOf…). */
export function toAnswerError(error: ErrorObject): AnswerError | undefined {
  const params = error.params as Record<string, unknown>;
  const field = (property?: unknown) => pointerToField(error.instancePath, typeof property === 'string' ? property : undefined);
  const limit = typeof params.limit === 'number' ? params.limit : undefined;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return { field: field(params.missingProperty), code: 'required' };
    case 'minLength':
      // A required text is at least one character: an empty one is a missing one.
      return limit !== undefined && limit <= 1 ? { field: field(), code: 'required' } : { field: field(), code: 'minLength', limit };
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return { field: field(), code: error.keyword, limit };
    case 'minimum':
    case 'exclusiveMinimum':
      return { field: field(), code: 'minimum', limit };
    case 'maximum':
    case 'exclusiveMaximum':
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
    case 'if':
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
    case 'not':
    case 'additionalProperties':
    case 'unevaluatedProperties':
    case 'propertyNames':
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

/** Validates answers against schemas, compiling each schema once. */
export class AnswerValidator {
  readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(options: ValidatorOptions = {}) {
    this.ajv = createAjv(options);
  }

  private compile(schema: JsonSchema): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      // A root $id would clash when the same page's schema comes again with an updated questionnaire.
      const { $id: _id, ...rest } = schema;
      validate = this.ajv.compile(rest);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** The schema's errors for these answers, as {field, code, …}, one per field. */
  validate(schema: JsonSchema, answers: PageAnswers): AnswerError[] {
    const validate = this.compile(schema);
    if (validate(answers)) return [];
    return firstPerField((validate.errors ?? []).map(toAnswerError).filter((e): e is AnswerError => e !== undefined));
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

