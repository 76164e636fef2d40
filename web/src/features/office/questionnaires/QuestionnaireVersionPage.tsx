import { lazy, Suspense, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { useApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import { DateTime } from '../../../components/DateTime';
import { ErrorMessage, Loading } from '../../../components/Status';
import { PageTitle } from '../../questionnaires/components/PageTitle';
import { officePath } from '../paths';

const QuestionnairePreview = lazy(() => import('./QuestionnairePreview'));

/**
 * One version of a questionnaire (STF-5): what it is (key, version, upload date), the other versions, and the preview:
 * the pages as the client sees them. The preview's own heading (the questionnaire's title) is the page's heading; the
 * office's part above it says that it is a preview and that nothing is saved.
 */
export function QuestionnaireVersionPage() {
  const { key = '', version: rawVersion = '' } = useParams();
  const version = Number.parseInt(rawVersion, 10);
  const { t } = useI18n();
  const location = useLocation();
  const uploaded = (location.state as { uploaded?: boolean } | null)?.uploaded === true;
  const [, setSearchParams] = useSearchParams();
  const [round, setRound] = useState(0);
  const loaded = useApi((signal) => portalApi.definitionVersion(key, version, signal), Number.isFinite(version) ? `${key}/${version}` : null);
  // The newest version (for the list of versions): from the list of questionnaires, which has each one's newest.
  const all = useApi(portalApi.questionnaireDefinitions);
  const newest = Math.max(version || 1, all.data?.find((q) => q.key === key)?.version ?? 0);
  const data = loaded.data;

  const back = (
    <p className="breadcrumb">
      <Link to={officePath.questionnaires()}>
        <span aria-hidden="true">← </span>
        {t('office.definitions.back')}
      </Link>
    </p>
  );
  if (!Number.isFinite(version) || loaded.error !== undefined || !data) {
    return (
      <>
        <PageTitle title={t('office.definitions.title')} />
        {back}
        {!Number.isFinite(version) ? (
          <h1>{t('office.preview.notFound')}</h1>
        ) : loaded.error !== undefined ? (
          <>
            <h1>{t('office.definitions.title')}</h1>
            <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
          </>
        ) : (
          <Loading />
        )}
      </>
    );
  }

  const restart = () => {
    setSearchParams({}, { replace: true });
    setRound((n) => n + 1);
  };

  return (
    <>
      {back}
      {uploaded && (
        <p className="notice notice-ok" role="status">
          {t('office.upload.done', { version: data.version, title: data.definition.title })}
        </p>
      )}
      <aside className="card preview-about" aria-label={t('office.preview.about')}>
        <p>
          <strong>{t('office.preview.label')}</strong> {t('office.preview.text', { version: data.version, key: data.key })}{' '}
          {t('office.preview.uploadedOn')} <DateTime value={data.createdAt} />.
        </p>
        <p className="hint">{t('office.preview.nothingSaved')}</p>
        {newest > 1 && (
          <nav className="version-nav" aria-label={t('office.preview.versions', { title: data.definition.title })}>
            <span aria-hidden="true">{t('office.definitions.col.versions')}:</span>
            <ul className="version-list">
              {Array.from({ length: newest }, (_, i) => i + 1).map((n) => (
                <li key={n}>
                  <Link to={officePath.questionnaireVersion(key, n)} aria-current={n === data.version ? 'page' : undefined}>
                    {t('office.definitions.version', { version: n })}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={restart}>
            {t('office.preview.restart')}
          </button>
          <Link to={officePath.uploadQuestionnaire({ key: data.key, version: data.version })} className="button button-secondary">
            {t('office.definitions.newVersion')}
          </Link>
        </div>
      </aside>
      <div className="preview-frame">
        <Suspense fallback={<Loading />}>
          <QuestionnairePreview key={`${data.key}/${data.version}/${round}`} version={data} />
        </Suspense>
      </div>
    </>
  );
}
