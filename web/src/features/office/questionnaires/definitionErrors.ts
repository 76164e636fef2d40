// A mistake in an uploaded questionnaire in the office's words: where it is ("Pagina 2 „adres” › vraag 4 „postcode” ›
// formaat (format)") and what the rule is, from the place the server names (questionnaire-service's DefinitionValidator,
// and the parser for JSON of the wrong shape). The server's own message (English) is shown as detail next to it.
import type { MessageKey, Params } from '../../../i18n/i18n';
import { parseFieldPath } from '../../questionnaires/lib/answers';

type T = (key: MessageKey, params?: Params) => string;

/** The members a definition may have (Definition.java); others are unknown to the portal. */
export const DEFINITION_FIELDS = [
  'key',
  'title',
  'intro',
  'pages',
  'id',
  'questions',
  'type',
  'label',
  'help',
  'required',
  'format',
  'options',
  'value',
  'min',
  'max',
  'maxLength',
  'minDate',
  'maxDate',
  'minItems',
  'maxItems',
  'itemLabel',
  'showIf',
  'question',
  'equals',
] as const;
type FieldName = (typeof DEFINITION_FIELDS)[number];
const isField = (name: string): name is FieldName => (DEFINITION_FIELDS as readonly string[]).includes(name);

/** The rules DefinitionValidator checks, by the member it names. */
const RULES = {
  key: 'office.qdef.why.key',
  title: 'office.qdef.why.title',
  intro: 'office.qdef.why.intro',
  pages: 'office.qdef.why.pages',
  id: 'office.qdef.why.id',
  questions: 'office.qdef.why.questions',
  type: 'office.qdef.why.type',
  label: 'office.qdef.why.label',
  help: 'office.qdef.why.help',
  format: 'office.qdef.why.format',
  maxLength: 'office.qdef.why.maxLength',
  max: 'office.qdef.why.max',
  minDate: 'office.qdef.why.date',
  maxDate: 'office.qdef.why.date',
  options: 'office.qdef.why.options',
  value: 'office.qdef.why.value',
  itemLabel: 'office.qdef.why.itemLabel',
  maxItems: 'office.qdef.why.maxItems',
  question: 'office.qdef.why.showIf',
  equals: 'office.qdef.why.equals',
} as const satisfies Partial<Record<FieldName, MessageKey>>;

/** The server's message for JSON it could not map onto a definition (ProblemDetailsAdvice). */
const SHAPE = /expected shape/i;

/** What the text says at a member or item, as far as it is an object: for naming a page or question by its id. */
function at(value: unknown, parts: (string | number)[]): unknown {
  let current = value;
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function idOf(value: unknown): string | undefined {
  const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? id : undefined;
}

/**
 * Where a mistake is, in words: "Pagina 2 „adres” › vraag 4 „postcode” › formaat (format)". `definition` is what was
 * uploaded (for the ids of pages and questions); an empty path is the whole questionnaire.
 */
export function describePlace(field: string, definition: unknown, t: T): string {
  const parts = parseFieldPath(field);
  if (parts.length === 0) return t('office.qdef.place.whole');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (typeof part === 'string' && typeof next === 'number' && (part === 'pages' || part === 'questions' || part === 'options')) {
      const id = part === 'options' ? undefined : idOf(at(definition, parts.slice(0, i + 2)));
      const n = next + 1;
      const key = part === 'pages' ? 'office.qdef.place.page' : part === 'questions' ? 'office.qdef.place.question' : 'office.qdef.place.option';
      words.push(id ? `${t(key, { n })} „${id}”` : t(key, { n }));
      i++;
    } else if (typeof part === 'number') {
      words.push(t('office.qdef.place.item', { n: part + 1 }));
    } else {
      words.push(isField(part) ? t(`office.qdef.field.${part}`) : `„${part}”`);
    }
  }
  const sentence = words.join(' › ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The rule that was broken, in the office's words; `message` is the server's (English) text. */
export function explain(field: string, message: string | undefined, t: T): string {
  const parts = parseFieldPath(field);
  const last = parts[parts.length - 1];
  if (message && SHAPE.test(message)) {
    return typeof last === 'string' && !isField(last) ? t('office.qdef.why.unknown') : t('office.qdef.why.shape');
  }
  if (last === undefined) return t('office.qdef.why.default');
  if (typeof last === 'number') return t('office.qdef.why.missing');
  // An option's text ("options[1].label") has its own rule.
  if (last === 'label' && parts[parts.length - 3] === 'options') return t('office.qdef.why.optionLabel');
  if (last in RULES) return t(RULES[last as keyof typeof RULES]);
  return t('office.qdef.why.default');
}
