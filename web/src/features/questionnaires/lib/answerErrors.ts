// The field errors of a page: the server's (a 400 on a page PUT or on "complete") in the portal's notation, and the label
// an error summary gives a field.
import { translate, type Lang } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import type { AnswerError, Question } from '../../../lib/api/types';
import { pointerToField } from './validation';

/** The server's field errors of a 400 (a page PUT or "complete"), with fields in the portal's notation. */
export function answerErrorsOf(error: unknown): AnswerError[] | undefined {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return undefined;
  const errors = (error.problem?.errors ?? []) as unknown[];
  const found: AnswerError[] = [];
  for (const e of errors) {
    if (!e || typeof e !== 'object' || typeof (e as AnswerError).field !== 'string') continue;
    const answerError = e as AnswerError;
    let field = answerError.field.replace(/^answers(?=[./[])\.?/, '');
    if (field.startsWith('/')) field = pointerToField(field);
    found.push({ ...answerError, field, code: answerError.code ?? 'invalid' });
  }
  return found.length > 0 ? found : undefined;
}

/** "Naam (Bewoner 2)" for "bewoners[1].naam". */
export function fieldLabel(questions: Question[], field: string, lang: Lang): string {
  const parts: string[] = [];
  let scope: Question[] | undefined = questions;
  const pieces = field.split('.');
  let label = '';
  for (const piece of pieces) {
    const match = /^([^[]+)(?:\[(\d+)\])?$/.exec(piece);
    const question: Question | undefined = scope?.find((q) => q.id === (match?.[1] ?? piece));
    if (!question) return label || field;
    label = question.label;
    if (match?.[2] !== undefined) parts.push(translate(lang, 'q.group.block', { item: question.itemLabel ?? question.label, number: Number(match[2]) + 1 }));
    scope = question.questions;
  }
  return parts.length > 0 && pieces.length > 1 ? `${label} (${parts.join(', ')})` : label;
}
