import { useI18n } from '../i18n/I18nContext';
import { useApi, usePageTitle } from '../lib/hooks';
import * as portalApi from '../lib/portalApi';
import { ErrorMessage, Loading } from '../components/Status';

/** ACT-1: the open questionnaires (filling them in comes with the questionnaire feature). */
export function ActionsPage() {
  const { t, tp } = useI18n();
  usePageTitle(t('actions.title'));
  const summary = useApi(portalApi.actionsSummary);
  const open = summary.data?.open;

  return (
    <>
      <h1>{t('actions.title')}</h1>
      {summary.error !== undefined ? (
        <ErrorMessage error={summary.error} onRetry={summary.reload} />
      ) : typeof open !== 'number' ? (
        <Loading />
      ) : (
        <div className="card">
          <p className="lead">{open === 0 ? t('actions.none') : tp('actions.open', open)}</p>
          <p className="muted">{t('actions.explanation')}</p>
        </div>
      )}
    </>
  );
}
