import { forwardRef, type MouseEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { fieldDomId } from '../lib/answers';

export interface SummaryItem {
  /** Field path ("iban", "bewoners[1].naam"); undefined for an error that belongs to no field on the page. */
  field?: string;
  /** "IBAN", "Naam (Bewoner 2)". */
  label: string;
  text: string;
}

/** Focuses a field by its path: its input (the first radio or checkbox), else its group. */
export function focusField(field: string): boolean {
  const id = fieldDomId(field);
  const target = document.getElementById(id) ?? document.getElementById(`${id}-group`);
  if (!target) return false;
  target.focus();
  target.closest('.q-field')?.scrollIntoView?.({ block: 'start' });
  return true;
}

/**
 * The page's errors at the top, each a link to its field (focus moves to the field; the URL stays). Gets the focus
 * after a failed "Volgende" (the caller focuses it through the ref).
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { items: SummaryItem[] }>(function ErrorSummary({ items }, ref) {
  const { t } = useI18n();
  const follow = (field: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (focusField(field)) e.preventDefault();
  };
  return (
    <div ref={ref} className="error-summary focus-target" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary-title">
        {t('q.errors.title')}
      </h2>
      <ul>
        {items.map((item, index) => (
          <li key={`${item.field ?? ''}-${index}`}>
            {item.field ? (
              <a href={`#${fieldDomId(item.field)}`} onClick={follow(item.field)}>
                {item.label}: {item.text}
              </a>
            ) : (
              <>
                {item.label ? `${item.label}: ` : ''}
                {item.text}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
