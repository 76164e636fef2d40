// What is wrong with a questionnaire the office uploads, each at its place in the text: found in the browser (not
// JSON, not one object) or named by the server (400 with `errors[].field`, e.g. `pages[1].questions[3].options`).
import type { MessageKey, Params } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import { describePlace, explain } from './definitionErrors';
import { jsonPlaces, JsonSyntaxError, placeOf, type Place } from './jsonPlaces';

type T = (key: MessageKey, params?: Params) => string;

export interface UploadProblem {
  /** Where, in words ("Pagina 2 „adres” › vraag 4 „postcode” › formaat (format)"). */
  where: string;
  /** The rule, in the office's words. */
  why: string;
  /** The place as the server writes it (`pages[1].questions[3].format`). */
  field?: string;
  /** The line in the text. */
  place?: Place;
  /** The server's own message (English). */
  detail?: string;
}

/** The text as a definition, or what keeps it from being one; `places` locate the server's errors later. */
export type Checked =
  | { ok: true; value: Record<string, unknown>; places: Map<string, Place> }
  | { ok: false; problems: UploadProblem[] };

/** Checks in the browser what the server cannot tell by place: empty, not JSON (with line and column), not one object. */
export function checkText(text: string, t: T): Checked {
  if (!text.trim()) return { ok: false, problems: [{ where: t('office.qdef.place.whole'), why: t('office.upload.empty') }] };
  let places: Map<string, Place>;
  try {
    places = jsonPlaces(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = error.place;
    return { ok: false, problems: [{ where: t('office.upload.line', { line }), why: t('office.upload.syntax', { line, column }), place: error.place }] };
  }
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [{ where: t('office.qdef.place.whole'), why: t('office.upload.notObject') }] };
  }
  return { ok: true, value: value as Record<string, unknown>, places };
}

/** The server's refusal, each error at its place; undefined when the failure is not about the definition (network, 5xx). */
export function problemsOf(error: unknown, definition: unknown, places: Map<string, Place>, t: T): UploadProblem[] | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const errors = error.problem?.errors ?? [];
  if (errors.length === 0) {
    return [{ where: t('office.qdef.place.whole'), why: t('office.qdef.why.unreadable'), detail: error.problem?.detail }];
  }
  return errors.map((e) => ({
    where: describePlace(e.field, definition, t),
    why: explain(e.field, e.message, t),
    field: e.field,
    place: placeOf(places, e.field),
    detail: e.message,
  }));
}
