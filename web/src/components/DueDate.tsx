import { useI18n } from '../i18n/I18nContext';
import { formatShortDate, isPastDay } from '../i18n/i18n';

/** "uiterlijk 15 december"; once past, "Verlopen: uiterlijk 15 december" in words (and red, with a "!" beside it). */
export function DueDate({ date, now }: { date: string | null | undefined; now?: Date }) {
  const { t, lang } = useI18n();
  if (!date) return null;
  const overdue = isPastDay(date, now);
  const text = t(overdue ? 'due.overdue' : 'due.by', { date: formatShortDate(date, lang, now) });
  return (
    <span className={overdue ? 'due due-overdue' : 'due'}>
      {overdue && (
        <span className="due-icon" aria-hidden="true">
          !
        </span>
      )}
      {text}
    </span>
  );
}
