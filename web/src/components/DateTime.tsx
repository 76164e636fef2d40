import { useI18n } from '../i18n/I18nContext';
import { formatDate, formatDateTime } from '../i18n/i18n';

/** A moment as a <time> element in the page's language; `dateOnly` for a date without the time of day. */
export function DateTime({ value, dateOnly = false }: { value: string | null | undefined; dateOnly?: boolean }) {
  const { lang } = useI18n();
  if (!value) return null;
  return <time dateTime={value}>{dateOnly ? formatDate(value, lang) : formatDateTime(value, lang)}</time>;
}
