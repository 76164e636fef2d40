import { useI18n } from '../../../i18n/I18nContext';
import { errorMessageKey } from '../../../lib/api/client';
import type { Failure } from '../useQuestionnaire';

/** The friendly text of a failure (inside the alert that says what did not happen). */
function ErrorText({ error }: { error: unknown }) {
  const { t } = useI18n();
  return <p>{t(errorMessageKey(error))}</p>;
}

/** Saving a page or completing failed for another reason than the answers: says what did not happen, and why. */
export function FailureAlert({ failure }: { failure: Failure }) {
  const { t } = useI18n();
  if (!failure) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>{t(failure.kind === 'save' ? 'q.saveFailed' : 'q.completeFailed')}</strong>
      </p>
      <ErrorText error={failure.error} />
    </div>
  );
}
