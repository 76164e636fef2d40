// A refused grant in the portal's words (never the server's English): 400 field errors next to their fields, 409 and
// 403 as one sentence above the button.
import { ApiError } from '../../lib/api/client';
import { formatDate, translate, type Lang, type MessageKey } from '../../i18n/i18n';
import type { DayRange } from './grantDates';

export type GrantField = 'email' | 'name' | 'dossier' | 'scope' | 'until';
export type GrantFieldErrors = Partial<Record<GrantField, string>>;

export interface GrantRefusal {
  fields: GrantFieldErrors;
  /** What is wrong with the grant as a whole. */
  form?: string;
}

/** "must not be blank", "is required": the field was left empty rather than filled in wrongly. */
const LEFT_EMPTY = /blank|empty|required|missing|null/i;

/** The text for a date outside the range the server allows. */
export const untilRangeText = (range: DayRange, lang: Lang) =>
  translate(lang, 'grants.until.range', { min: formatDate(range.min, lang), max: formatDate(range.max, lang) });

function fieldText(field: GrantField, serverMessage: string, range: DayRange, lang: Lang): string {
  const empty = LEFT_EMPTY.test(serverMessage);
  const keys: Record<Exclude<GrantField, 'until'>, MessageKey> = {
    email: empty ? 'accounts.email.missing' : 'form.email.invalid',
    name: empty ? 'grants.name.missing' : 'accounts.name.invalid',
    dossier: 'grants.dossier.missing',
    scope: 'grants.scope.missing',
  };
  return field === 'until' ? untilRangeText(range, lang) : translate(lang, keys[field]);
}

const FIELDS: readonly GrantField[] = ['email', 'name', 'dossier', 'scope', 'until'];
const fieldOf = (name: string): GrantField | undefined => (name === 'dossierId' ? 'dossier' : FIELDS.find((f) => f === name));

/**
 * What the form says about a refusal; undefined when it is no refusal of the grant itself (no connection, a server
 * failure, a 400 about nothing the form shows): the caller says that by its status.
 */
export function grantRefusal(error: unknown, range: DayRange, lang: Lang): GrantRefusal | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 409) return { fields: {}, form: translate(lang, 'grants.conflict') };
  if (error.status === 403) return { fields: {}, form: translate(lang, 'grants.notAllowed') };
  if (error.status !== 400 && error.status !== 422) return undefined;
  const fields: GrantFieldErrors = {};
  for (const refused of error.problem?.errors ?? []) {
    const field = fieldOf(refused.field);
    if (field && !fields[field]) fields[field] = fieldText(field, refused.message ?? '', range, lang);
  }
  return Object.keys(fields).length > 0 ? { fields } : undefined;
}
