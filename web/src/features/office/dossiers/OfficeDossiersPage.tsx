import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import type { MessageKey } from '../../../i18n/i18n';
import { useApi, usePageTitle } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import { DOSSIER_STATUSES, type DossierWork, type StaffDossierQuery, type StaffDossierSort } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { StatusBadge } from '../../../components/StatusBadge';
import { Paging } from '../../../components/Paging';
import { SearchForm } from '../../../components/SearchForm';
import { officePath } from '../paths';
import { parseStaffDossierQuery, toStaffDossierSearch } from './staffDossierParams';
import { PartyNames } from './PartyNames';
import { DateTime } from '../../../components/DateTime';

/** "Dossiers" of the office: every dossier, searched, filtered and sorted on the server; the state lives in the URL. */
export function OfficeDossiersPage() {
  const { t, tp } = useI18n();
  usePageTitle(t('office.dossiers.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const params = parseStaffDossierQuery(searchParams);

  const key = toStaffDossierSearch(params).toString();
  const list = useApi((signal) => portalApi.staffDossiers(params, signal), key);
  const go = (next: StaffDossierQuery) => setSearchParams(toStaffDossierSearch(next));
  const toggle = (status: (typeof DOSSIER_STATUSES)[number], on: boolean) =>
    go({ ...params, page: 0, statuses: DOSSIER_STATUSES.filter((s) => (s === status ? on : params.statuses.includes(s))) });
  const data = list.data;
  const ids = data?.items.map((d) => d.id) ?? [];
  const counts = useApi((signal) => portalApi.workCounts(ids, signal), ids.length > 0 ? ids.join(',') : null);
  const workOf = (id: string) => counts.data?.find((c) => c.dossierId === id);

  return (
    <>
      <div className="page-heading">
        <h1>{t('office.dossiers.title')}</h1>
        <Link to={officePath.newDossier()} className="button button-primary">
          {t('office.dossiers.new')}
        </Link>
      </div>

      <div className="card filters">
        <SearchForm id="office-dossier-query" label={t('office.dossiers.search.label')} query={params.query} onSearch={(query) => go({ ...params, query, page: 0 })} />
        <fieldset className="status-filter">
          <legend>{t('office.dossiers.filter.legend')}</legend>
          <div className="checkboxes">
            {DOSSIER_STATUSES.map((status) => (
              <label key={status} className="checkbox">
                <input
                  type="checkbox"
                  name="status"
                  value={status}
                  checked={params.statuses.includes(status)}
                  onChange={(e) => toggle(status, e.target.checked)}
                />
                <span>{t(`status.${status}` as MessageKey)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field field-inline">
          <label htmlFor="office-dossier-sort">{t('office.dossiers.sort.label')}</label>
          <select
            id="office-dossier-sort"
            value={params.sort}
            onChange={(e) => go({ ...params, sort: e.target.value as StaffDossierSort, page: 0 })}
          >
            <option value="lastActivity">{t('office.dossiers.sort.lastActivity')}</option>
            <option value="number">{t('office.dossiers.sort.number')}</option>
          </select>
        </div>
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
          <h2>{t('office.dossiers.empty')}</h2>
        </div>
      ) : (
        <>
          <table className="dossier-table" role="table" aria-busy={list.loading}>
            <caption className="visually-hidden">{t('office.dossiers.title')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('dossiers.col.number')}</th>
                <th scope="col" role="columnheader">{t('dossiers.col.description')}</th>
                <th scope="col" role="columnheader">{t('office.dossiers.col.parties')}</th>
                <th scope="col" role="columnheader">{t('dossiers.col.status')}</th>
                <th scope="col" role="columnheader">{t('office.dossiers.col.waiting')}</th>
                <th scope="col" role="columnheader">{t('office.dossiers.col.lastActivity')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {data.items.map((d) => (
                <tr key={d.id} role="row">
                  <td role="cell" data-label={t('dossiers.col.number')} className="nowrap">
                    <Link to={officePath.dossier(d.id)}>{d.number}</Link>
                  </td>
                  <td role="cell" data-label={t('dossiers.col.description')}>{d.description}</td>
                  <td role="cell" data-label={t('office.dossiers.col.parties')}>
                    <PartyNames parties={d.partyDetails} />
                  </td>
                  <td role="cell" data-label={t('dossiers.col.status')}>
                    <StatusBadge status={d.status} />
                  </td>
                  <td role="cell" data-label={t('office.dossiers.col.waiting')}>
                    <WaitingWork work={workOf(d.id)} />
                  </td>
                  <td role="cell" data-label={t('office.dossiers.col.lastActivity')} className="nowrap">
                    <DateTime value={d.lastActivityAt} />
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

/** "2 nieuwe berichten · 1 nieuw aangeleverd": what of the clients waits in a dossier (nothing: a dash). */
function WaitingWork({ work }: { work: DossierWork | undefined }) {
  const { tp } = useI18n();
  const parts = [
    work && work.messages > 0 ? tp('office.dossiers.waiting.messages', work.messages) : null,
    work && work.deliveries > 0 ? tp('office.dossiers.waiting.deliveries', work.deliveries) : null,
  ].filter(Boolean);
  return parts.length === 0 ? <span aria-hidden="true">–</span> : <span className="badge badge-unread">{parts.join(' · ')}</span>;
}
