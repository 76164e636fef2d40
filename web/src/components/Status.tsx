import { ApiError, errorMessageKey } from '../lib/api/client';
import { codeText } from '../lib/api/problemText';
import { useI18n } from '../i18n/I18nContext';

/** Polite live region while loading (announced once, not on every render). */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('app.loading')}
    </p>
  );
}

/** A failure in the user's words: the problem's own text when the web app knows its code, otherwise by status. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  const known = error instanceof ApiError ? codeText(error.problem, lang) : undefined;
  return (
    <div className="alert alert-error" role="alert">
      <p>{known ?? t(errorMessageKey(error))}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
