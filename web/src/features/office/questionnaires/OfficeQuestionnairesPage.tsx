import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { useApi, usePageTitle } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import { DateTime } from '../../../components/DateTime';
import { ErrorMessage, Loading } from '../../../components/Status';
import { officePath } from '../paths';

/**
 * "Vragenlijsten" (STF-5): the office's questionnaire definitions with their versions (a key's versions are 1 up to its
 * newest); each version opens as the client sees it. "Nieuwe versie uploaden" takes a JSON file or pasted JSON.
 */
export function OfficeQuestionnairesPage() {
  const { t, tp, lang } = useI18n();
  usePageTitle(t('office.definitions.title'));
  const list = useApi(portalApi.questionnaireDefinitions);
  const items = [...(list.data ?? [])].sort((a, b) => a.title.localeCompare(b.title, lang) || a.key.localeCompare(b.key));

  return (
    <>
      <div className="page-heading">
        <h1>{t('office.definitions.title')}</h1>
        <Link to={officePath.uploadQuestionnaire()} className="button button-primary">
          {t('office.definitions.upload')}
        </Link>
      </div>
      <p className="lead">{t('office.definitions.intro')}</p>

      <div aria-live="polite" className="result-count">
        {list.data && !list.loading ? tp('office.definitions.count', list.data.length) : ''}
      </div>

      {list.error !== undefined ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <div className="card empty-state">
          <h2>{t('office.definitions.empty')}</h2>
          <p>{t('office.definitions.empty.hint')}</p>
        </div>
      ) : (
        <table className="dossier-table" role="table">
          <caption className="visually-hidden">{t('office.definitions.title')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t('office.definitions.col.title')}</th>
              <th scope="col" role="columnheader">{t('office.definitions.col.key')}</th>
              <th scope="col" role="columnheader">{t('office.definitions.col.versions')}</th>
              <th scope="col" role="columnheader">{t('office.definitions.col.uploaded')}</th>
              <th scope="col" role="columnheader">
                <span className="visually-hidden">{t('office.definitions.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {items.map((q) => (
              <tr key={q.key} role="row">
                <td role="cell" data-label={t('office.definitions.col.title')}>
                  <Link to={officePath.questionnaireVersion(q.key, q.version)}>{q.title}</Link>
                </td>
                <td role="cell" data-label={t('office.definitions.col.key')}>
                  <code>{q.key}</code>
                </td>
                <td role="cell" data-label={t('office.definitions.col.versions')}>
                  <ul className="version-list" aria-label={t('office.preview.versions', { title: q.title })}>
                    {Array.from({ length: q.version }, (_, i) => q.version - i).map((n) => (
                      <li key={n}>
                        <Link to={officePath.questionnaireVersion(q.key, n)}>
                          {t('office.definitions.version', { version: n })}{' '}
                          <span className="visually-hidden">{t('office.definitions.of', { title: q.title })}</span>
                        </Link>
                        {n === q.version && <span className="hint"> {t('office.definitions.newest')}</span>}
                      </li>
                    ))}
                  </ul>
                </td>
                <td role="cell" data-label={t('office.definitions.col.uploaded')}>
                  <DateTime value={q.createdAt} />
                </td>
                <td role="cell" className="cell-action">
                  <Link to={officePath.uploadQuestionnaire({ key: q.key, version: q.version })}>
                    {t('office.definitions.newVersion')}{' '}
                    <span className="visually-hidden">{t('office.definitions.of', { title: q.title })}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
