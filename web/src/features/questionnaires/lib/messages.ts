// The text of a refused answer, per kind, in the client's language (the same for the browser's and the server's errors).
import { formatDate, translate, type Lang, type MessageKey } from '../../../i18n/i18n';
import type { AnswerError, Question } from '../../../lib/api/types';
import { resolveDateBound, todayInAmsterdam } from './dates';
import { formatAmount, formatDecimal } from './numbers';

const FORMAT_KEYS: Record<string, MessageKey> = {
  postcode: 'q.error.format.postcode',
  iban: 'q.error.format.iban',
  bsn: 'q.error.format.bsn',
  phone: 'q.error.format.phone',
  email: 'q.error.format.email',
  date: 'q.error.format.date',
};

function requiredKey(question: Question | undefined): MessageKey {
  switch (question?.type) {
    case 'yesNo':
    case 'choice':
      return 'q.error.required.choice';
    case 'multiChoice':
      return 'q.error.required.multiChoice';
    case 'date':
      return 'q.error.required.date';
    default:
      return 'q.error.required';
  }
}

/** What to tell the client about this error of this question (the question may be unknown for a server error). */
export function errorText(error: AnswerError, question: Question | undefined, lang: Lang, today: string = todayInAmsterdam()): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const value = (n: number) => (question?.type === 'amount' ? formatAmount(n, lang) : formatDecimal(n, lang));
  switch (error.code) {
    case 'required':
      if (question?.type === 'group') return t('q.error.minItems', { min: Math.max(1, question.minItems ?? 1) });
      return t(requiredKey(question));
    case 'format': {
      const format = error.format ?? question?.format ?? (question?.type === 'date' ? 'date' : undefined);
      return t(format && FORMAT_KEYS[format] ? FORMAT_KEYS[format] : 'q.error.format');
    }
    case 'minimum': {
      const min = error.limit ?? question?.min;
      return min === undefined ? t('q.error.invalid') : t('q.error.minimum', { min: value(min) });
    }
    case 'maximum': {
      const max = error.limit ?? question?.max;
      return max === undefined ? t('q.error.invalid') : t('q.error.maximum', { max: value(max) });
    }
    case 'minLength':
      return t('q.error.minLength', { min: error.limit ?? 1 });
    case 'maxLength': {
      const max = error.limit ?? question?.maxLength;
      return max === undefined ? t('q.error.invalid') : t('q.error.maxLength', { max: formatDecimal(max, lang) });
    }
    case 'minItems':
      return t('q.error.minItems', { min: error.limit ?? question?.minItems ?? 1 });
    case 'maxItems': {
      const max = error.limit ?? question?.maxItems;
      return max === undefined ? t('q.error.invalid') : t('q.error.maxItems', { max });
    }
    case 'dateRange': {
      const rawMin = error.min ?? question?.minDate;
      const rawMax = error.max ?? question?.maxDate;
      const min = resolveDateBound(rawMin, today);
      const max = resolveDateBound(rawMax, today);
      if (min && max) return t('q.error.dateRange.between', { min: formatDate(min, lang), max: formatDate(max, lang) });
      if (rawMax === 'today') return t('q.error.dateRange.past');
      if (rawMin === 'today') return t('q.error.dateRange.future');
      if (max) return t('q.error.dateRange.max', { max: formatDate(max, lang) });
      if (min) return t('q.error.dateRange.min', { min: formatDate(min, lang) });
      return t('q.error.format.date');
    }
    case 'enum':
      return t('q.error.enum');
    case 'type':
      if (question?.type === 'amount') return t('q.error.type.amount');
      if (question?.type === 'number') return t('q.error.type.number');
      if (question?.type === 'date') return t('q.error.format.date');
      return t('q.error.invalid');
    default:
      return t('q.error.invalid');
  }
}
