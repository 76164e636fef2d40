import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/i18n';
import { useApi, usePageTitle } from '../../lib/hooks';
import { filterOptions, parseListParams, toSearchParams, toggleStatus, type ListParams } from '../../lib/dossierParams';
import * as portalApi from '../../lib/api/portalApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { StatusBadge } from '../../components/StatusBadge';
import { SearchForm } from '../../components/SearchForm';
import { Paging } from '../../components/Paging';

/** DOS-1..3: list with search, status filter and paging; state lives in the URL. */
export function DossiersPage() {
  const { t, tp } = useI18n();
  usePageTitle(t('dossiers.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const params = parseListParams(searchParams);


  const summary = useApi(portalApi.dossierSummary);
  const list = useApi((signal) => portalApi.dossiers(params, signal), toSearchParams(params).toString());
  const options = filterOptions(summary.data?.statuses);

  const go = (next: ListParams) => setSearchParams(toSearchParams(next));


  const data = list.data;

  return (
    <>
      <h1>{t('dossiers.title')}</h1>

      <div className="card filters">
        <SearchForm id="dossier-query" label={t('dossiers.search.label')} query={params.query} onSearch={(query) => go({ ...params, query, page: 0 })} />

        {options.length > 0 && (
          <fieldset className="status-filter">
            <legend>{t('dossiers.filter.legend')}</legend>
            <div className="checkboxes">
              {options.map((status) => (
                <label key={status} className="checkbox">
                  <input
                    type="checkbox"
                    name="status"
                    value={status}
                    checked={params.statuses.includes(status)}
                    onChange={(e) => go(toggleStatus(params, status, e.target.checked))}
                  />
                  <span>{t(`status.${status}` as MessageKey)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </div>

      <div aria-live="polite" className="result-count">
        {data && !list.loading ? tp('dossiers.found', data.totalItems) : ''}
      </div>

      {list.error !== undefined ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <div className="card empty-state">
          <h2>{t('dossiers.empty')}</h2>
          <p>{t('dossiers.empty.hint')}</p>
        </div>
      ) : (
        <>
          {/* Explicit roles keep the table semantics when CSS turns rows into cards on narrow screens. */}
          <table className="dossier-table" role="table" aria-busy={list.loading}>
            <caption className="visually-hidden">{t('dossiers.table.caption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('dossiers.col.number')}</th>
                <th scope="col" role="columnheader">{t('dossiers.col.description')}</th>
                <th scope="col" role="columnheader">{t('dossiers.col.status')}</th>
                <th scope="col" role="columnheader">
                  <span className="visually-hidden">{t('dossiers.col.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {data.items.map((d) => (
                <tr key={d.id} role="row">
                  <td role="cell" data-label={t('dossiers.col.number')} className="nowrap">
                    {d.number}
                  </td>
                  <td role="cell" data-label={t('dossiers.col.description')}>{d.description}</td>
                  <td role="cell" data-label={t('dossiers.col.status')}>
                    <StatusBadge status={d.status} />
                  </td>
                  <td role="cell" className="cell-action">
                    <Link to={`/dossiers/${encodeURIComponent(d.id)}`} className="button button-secondary button-small">
                      {t('dossiers.open')}
                      <span className="visually-hidden"> {t('dossiers.openLabel', { number: d.number })}</span>
                      <span aria-hidden="true"> →</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <Paging page={params.page} totalPages={data.totalPages} onPage={(page) => go({ ...params, page })} />
        </>
      )}
    </>
  );
}
