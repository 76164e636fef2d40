// What the client types (drafts, kept in memory while going back and forth) and what is sent (answers): which
// questions are shown (showIf), how drafts become the API's answer JSON, and field paths ("bewoners[1].naam").
import type { Lang } from '../../../i18n/i18n';
import type { AnswerValue, PageAnswers, Question, QuestionnairePage } from '../../../lib/api/types';
import { readTypedDate, typedDate } from './dateEntry';
import { tidyPostcode } from './postcode';
import { formatAmountInput, formatNumberInput, parseDecimal } from './numbers';

/** One block of a group as typed; `key` keeps React's identity of a block when another one is removed. */
export interface GroupBlock {
  key: string;
  values: DraftAnswers;
}

/**
 * A draft answer: the text of text, number, amount, date and choice fields (number and amount as typed, in the
 * language of the page; a date as typed, day first: 15-04-1990), a boolean or undefined for yes/no, the ticked values of a multiChoice, the blocks of a group.
 */
export type DraftValue = string | boolean | undefined | string[] | GroupBlock[];
export type DraftAnswers = { [questionId: string]: DraftValue };
/** The drafts of all pages, by page id. */
export type Drafts = { [pageId: string]: DraftAnswers };

let blockCounter = 0;
export const newBlockKey = () => `b${++blockCounter}`;

/** The number of blocks a group starts with: its minimum, and one when it is required. */
export function initialBlockCount(question: Question): number {
  return Math.max(question.minItems ?? 0, question.required ? 1 : 0);
}

export function emptyBlock(question: Question): GroupBlock {
  return { key: newBlockKey(), values: toDraft(question.questions ?? [], undefined, 'nl') };
}

/** The draft of one answer from a saved answer. */
function draftValue(question: Question, value: AnswerValue | undefined, lang: Lang): DraftValue {
  switch (question.type) {
    case 'yesNo':
      return typeof value === 'boolean' ? value : undefined;
    case 'multiChoice':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    case 'number':
      return typeof value === 'number' ? formatNumberInput(value, lang) : typeof value === 'string' ? value : '';
    case 'amount':
      return typeof value === 'number' ? formatAmountInput(value, lang) : typeof value === 'string' ? value : '';
    case 'date':
      return typeof value === 'string' ? typedDate(value) : '';
    case 'group': {
      const saved = Array.isArray(value) ? value.filter((b): b is PageAnswers => typeof b === 'object' && b !== null && !Array.isArray(b)) : [];
      if (saved.length === 0 && value === undefined) return Array.from({ length: initialBlockCount(question) }, () => emptyBlock(question));
      return saved.map((block) => ({ key: newBlockKey(), values: toDraft(question.questions ?? [], block, lang) }));
    }
    default:
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  }
}

/** The drafts of a page (or of a group block) from its saved answers. */
export function toDraft(questions: Question[], answers: PageAnswers | undefined, lang: Lang): DraftAnswers {
  const draft: DraftAnswers = {};
  for (const question of questions) draft[question.id] = draftValue(question, answers?.[question.id], lang);
  return draft;
}

export function draftsFromAnswers(pages: QuestionnairePage[], answers: { [pageId: string]: PageAnswers }, lang: Lang): Drafts {
  return Object.fromEntries(pages.map((page) => [page.id, toDraft(page.questions, answers[page.id], lang)]));
}

/**
 * The answer to send for one draft, or undefined when it is left out. A number or amount that cannot be read stays
 * the text it is, so that the page's schema refuses it (type) instead of silently dropping it; so does a date. A
 * readable date is sent as YYYY-MM-DD, a postcode as "1234 AB".
 */
function answerValue(question: Question, draft: DraftValue, lang: Lang, lookup: Lookup, path: string, visible: Set<string>): AnswerValue | undefined {
  switch (question.type) {
    case 'yesNo':
      return typeof draft === 'boolean' ? draft : undefined;
    case 'multiChoice':
      return Array.isArray(draft) && draft.length > 0 ? (draft as string[]) : undefined;
    case 'number':
    case 'amount': {
      const text = typeof draft === 'string' ? draft.trim() : '';
      if (!text) return undefined;
      return parseDecimal(text, lang, question.type === 'amount' ? 2 : undefined) ?? text;
    }
    case 'date': {
      // A date that cannot be read is sent as typed, so that the page's schema refuses it (format date).
      const text = typeof draft === 'string' ? draft.trim() : '';
      return text ? (readTypedDate(text) ?? text) : undefined;
    }
    case 'group': {
      if (!Array.isArray(draft) || draft.length === 0) return undefined;
      return (draft as GroupBlock[]).map(
        (block, index) => evaluate(question.questions ?? [], block.values, lang, lookup, `${path}[${index}].`, visible).answers,
      );
    }
    default: {
      const text = typeof draft === 'string' ? draft.trim() : '';
      if (!text) return undefined;
      return question.format === 'postcode' ? tidyPostcode(text) : text;
    }
  }
}

/** Looks up an earlier answer by question id. */
export type Lookup = (questionId: string) => AnswerValue | undefined;

const noAnswers: Lookup = () => undefined;

/** Whether an answer is what a showIf asks for (a multiChoice: one of the ticked values). */
export function answerEquals(answer: AnswerValue | undefined, expected: string | boolean | number): boolean {
  if (answer === undefined) return false;
  if (Array.isArray(answer)) return answer.some((value) => typeof value === 'string' && value === String(expected));
  return answer === expected || String(answer) === String(expected);
}

export interface Evaluation {
  /** What is sent: the shown questions' answers, left-out ones absent. */
  answers: PageAnswers;
  /** Field paths of the shown questions ("iban", "bewoners", "bewoners[0].naam"). */
  visible: Set<string>;
}

/**
 * Goes through questions in order: a question with showIf is shown when the answer it names (earlier in the same
 * block or page, else `outer`) equals the value; a hidden question's answer is not sent (and so hides what depends on it).
 */
export function evaluate(questions: Question[], draft: DraftAnswers, lang: Lang, outer: Lookup = noAnswers, prefix = '', visible = new Set<string>()): Evaluation {
  const answers: PageAnswers = {};
  const lookup: Lookup = (id) => (Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : outer(id));
  for (const question of questions) {
    if (question.showIf && !answerEquals(lookup(question.showIf.question), question.showIf.equals)) continue;
    const path = `${prefix}${question.id}`;
    visible.add(path);
    const value = answerValue(question, draft[question.id], lang, lookup, path, visible);
    if (value !== undefined) answers[question.id] = value;
  }
  return { answers, visible };
}

/** The answers of the pages before `pageIndex`, as a lookup for showIf (later pages' answers of a question id win). */
export function earlierAnswers(pages: QuestionnairePage[], drafts: Drafts, lang: Lang, pageIndex: number): Lookup {
  let lookup: Lookup = noAnswers;
  for (const page of pages.slice(0, pageIndex)) {
    const { answers } = evaluate(page.questions, drafts[page.id] ?? {}, lang, lookup);
    const before = lookup;
    lookup = (id) => (Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : before(id));
  }
  return lookup;
}

/** Evaluates page `pageIndex` with the earlier pages' answers. */
export function evaluatePage(pages: QuestionnairePage[], drafts: Drafts, lang: Lang, pageIndex: number): Evaluation {
  const page = pages[pageIndex];
  return evaluate(page.questions, drafts[page.id] ?? {}, lang, earlierAnswers(pages, drafts, lang, pageIndex));
}

/** Which questions of saved answers are shown (for the check page and the result): the same rules on saved answers. */
export function visibleInSaved(pages: QuestionnairePage[], saved: { [pageId: string]: PageAnswers }): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  let lookup: Lookup = noAnswers;
  for (const page of pages) {
    const answers = saved[page.id] ?? {};
    const visible = new Set<string>();
    const walk = (questions: Question[], values: PageAnswers, outer: Lookup, prefix: string) => {
      const own: Lookup = (id) => (Object.prototype.hasOwnProperty.call(values, id) ? values[id] : outer(id));
      for (const question of questions) {
        if (question.showIf && !answerEquals(own(question.showIf.question), question.showIf.equals)) continue;
        visible.add(`${prefix}${question.id}`);
        const value = values[question.id];
        if (question.type === 'group' && Array.isArray(value)) {
          (value as PageAnswers[]).forEach((block, i) => walk(question.questions ?? [], block ?? {}, own, `${prefix}${question.id}[${i}].`));
        }
      }
    };
    walk(page.questions, answers, lookup, '');
    result.set(page.id, visible);
    const before = lookup;
    lookup = (id) => (Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : before(id));
  }
  return result;
}

/** Re-writes the typed numbers and amounts of all drafts from one language's notation to the other's. */
export function relocaliseDrafts(pages: QuestionnairePage[], drafts: Drafts, from: Lang, to: Lang): Drafts {
  if (from === to) return drafts;
  const convert = (questions: Question[], draft: DraftAnswers): DraftAnswers => {
    const next: DraftAnswers = { ...draft };
    for (const question of questions) {
      const value = draft[question.id];
      if ((question.type === 'number' || question.type === 'amount') && typeof value === 'string' && value.trim()) {
        const parsed = parseDecimal(value, from, question.type === 'amount' ? 2 : undefined);
        if (parsed !== null) next[question.id] = question.type === 'amount' ? formatAmountInput(parsed, to) : formatNumberInput(parsed, to);
      } else if (question.type === 'group' && Array.isArray(value)) {
        next[question.id] = (value as GroupBlock[]).map((block) => ({ ...block, values: convert(question.questions ?? [], block.values) }));
      }
    }
    return next;
  };
  return Object.fromEntries(pages.map((page) => [page.id, convert(page.questions, drafts[page.id] ?? {})]));
}

/** "bewoners[1].naam" → ["bewoners", 1, "naam"]. */
export function parseFieldPath(field: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const piece of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(piece);
    if (!match) {
      parts.push(piece);
      continue;
    }
    if (match[1]) parts.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

/** The question a field path points at (inside groups too), or undefined. */
export function questionAt(questions: Question[], field: string): Question | undefined {
  let scope: Question[] | undefined = questions;
  let found: Question | undefined;
  for (const part of parseFieldPath(field)) {
    if (typeof part === 'number') continue;
    found = scope?.find((q) => q.id === part);
    if (!found) return undefined;
    scope = found.questions;
  }
  return found;
}

/** The element id of a field: "q-bewoners-1-naam". */
export function fieldDomId(field: string): string {
  return `q-${field.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '')}`;
}
