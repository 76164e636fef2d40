import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey, Params } from '../../i18n/i18n';
import { useApi, usePageTitle } from '../../lib/hooks';
import {
  filterOptions,
  parseListParams,
  showAlso,
  shownStatuses,
  toSearchParams,
  toggleStatus,
  type ListParams,
} from '../../lib/dossierParams';
import * as portalApi from '../../lib/api/portalApi';
import { DOSSIER_STATUSES, type DossierSort, type DossierStatus, type DossierStatusCounts } from '../../lib/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { StatusBadge } from '../../components/StatusBadge';
import { SearchForm } from '../../components/SearchForm';
import { Paging } from '../../components/Paging';
import { DateTime } from '../../components/DateTime';
import { SharedBy } from './components/SharedBy';
import { rememberDossiers } from './knownDossiers';

/**
 * DOS-1..3: list with search, status filter, sort and paging; state lives in the URL. Per dossier what is new for the
 * signed-in account (unread documents and messages) and its last activity; a search also tells of matches under the
 * statuses the filter hides, with one click to show them.
 */
export function DossiersPage() {
  const { t, tp } = useI18n();
  usePageTitle(t('dossiers.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const params = parseListParams(searchParams);

  const summary = useApi(portalApi.dossierSummary);
  const list = useApi((signal) => portalApi.dossiers(params, signal), toSearchParams(params).toString());
  // One extra call, only for a search: how many match under each status, the hidden ones included.
  const matches = useApi((signal) => portalApi.dossierStatusCounts(params.query, signal), params.query ? params.query : null);
  const options = filterOptions(summary.data?.statuses);

  const data = list.data;
  const ids = data?.items.map((d) => d.id) ?? [];
  const unread = useUnreadCounts(ids);
  useEffect(() => {
    if (data) rememberDossiers(data.items.map((d) => d.id));
  }, [data]);

  const resultsRef = useRef<HTMLDivElement>(null);
  const focusResults = useRef(false);
  useEffect(() => {
    if (!focusResults.current || list.loading) return;
    focusResults.current = false;
    resultsRef.current?.focus();
  }, [list.loading]);

  const go = (next: ListParams) => setSearchParams(toSearchParams(next));
  const hidden = hiddenMatches(matches.data, shownStatuses(params));
  const showHidden = () => {
    // The hint and its button go away: the focus goes to the new count of results, which is read out.
    focusResults.current = true;
    go(showAlso(params, hidden.statuses));
  };
  const hint = hidden.count > 0 && data && !list.loading ? (
    <HiddenMatches hidden={hidden} query={params.query} more={data.items.length > 0} onShow={showHidden} />
  ) : null;

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

        <div className="field field-inline">
          <label htmlFor="dossier-sort">{t('dossiers.sort.label')}</label>
          <select
            id="dossier-sort"
            value={params.sort ?? 'number'}
            onChange={(e) => go({ ...params, sort: e.target.value as DossierSort, page: 0 })}
          >
            <option value="number">{t('dossiers.sort.number')}</option>
            <option value="lastActivity">{t('dossiers.sort.lastActivity')}</option>
          </select>
        </div>
      </div>

      <div aria-live="polite" className="result-count" ref={resultsRef} tabIndex={-1}>
        {data && !list.loading ? tp('dossiers.found', data.totalItems) : ''}
      </div>

      {list.error !== undefined ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <div className="card empty-state">
          <h2>{hint ? t('dossiers.empty.otherStatus') : t('dossiers.empty')}</h2>
          {hint ?? <p>{t('dossiers.empty.hint')}</p>}
        </div>
      ) : (
        <>
          {hint && <div className="card hidden-matches">{hint}</div>}
          {/* Explicit roles keep the table semantics when CSS turns rows into cards on narrow screens. */}
          <table className="dossier-table" role="table" aria-busy={list.loading}>
            <caption className="visually-hidden">{t('dossiers.table.caption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('dossiers.col.number')}</th>
                <th scope="col" role="columnheader">{t('dossiers.col.description')}</th>
                <th scope="col" role="columnheader">{t('dossiers.col.status')}</th>
                <th scope="col" role="columnheader">{t('dossiers.col.lastActivity')}</th>
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
                  <td role="cell" data-label={t('dossiers.col.description')}>
                    <span className="dossier-description">
                      <span>{d.description}</span>
                      <UnreadBadge count={unread?.[d.id]} />
                    </span>
                    <SharedBy dossier={d} />
                  </td>
                  <td role="cell" data-label={t('dossiers.col.status')}>
                    <StatusBadge status={d.status} />
                  </td>
                  <td role="cell" data-label={t('dossiers.col.lastActivity')} className="last-activity">
                    <DateTime value={d.lastActivityAt} />
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

interface Hidden {
  count: number;
  statuses: DossierStatus[];
}

/** The matches under statuses the list does not show now, in the filter's order. */
export function hiddenMatches(counts: DossierStatusCounts | undefined, shown: readonly DossierStatus[]): Hidden {
  const statuses = DOSSIER_STATUSES.filter((s) => !shown.includes(s) && (counts?.[s] ?? 0) > 0);
  return { statuses, count: statuses.reduce((sum, s) => sum + (counts?.[s] ?? 0), 0) };
}

/** "1 dossier met status Afgerond past bij ‘Samenleving’. [Toon ook Afgerond]" */
function HiddenMatches({ hidden, query, more, onShow }: { hidden: Hidden; query: string; more: boolean; onShow: () => void }) {
  const { t, tp } = useI18n();
  const names = hidden.statuses.map((s) => t(`status.${s}` as MessageKey));
  return (
    <div className="hidden-matches-body">
      <p role="status">
        {tp(more ? 'dossiers.hidden.more' : 'dossiers.hidden', hidden.count, { statuses: listOf(names, 'dossiers.hidden.or', t), query })}
      </p>
      <button type="button" className="button button-secondary" onClick={onShow}>
        {t('dossiers.hidden.show', { statuses: listOf(names, 'dossiers.hidden.and', t) })}
      </button>
    </div>
  );
}

/** "Afgerond", "Aangehouden of Afgerond", "Aangehouden, Afgerond of Geannuleerd". */
function listOf(names: string[], joiner: MessageKey, t: (key: MessageKey, params?: Params) => string): string {
  if (names.length <= 1) return names[0] ?? '';
  return t(joiner, { first: names.slice(0, -1).join(', '), last: names[names.length - 1] });
}

/** "3 nieuw", read out as "3 ongelezen"; nothing while none or not known. */
function UnreadBadge({ count }: { count: number | undefined }) {
  const { t } = useI18n();
  if (!count) return null;
  return (
    <span className="badge badge-unread">
      <span aria-hidden="true">{t('dossiers.unread.badge', { count })}</span>
      <span className="visually-hidden">{t('dossiers.unread.label', { count })}</span>
    </span>
  );
}

/**
 * Per dossier of the page, the documents and the office's messages the signed-in account has not opened: one call to
 * each service for the whole page. Undefined until both have answered (a failure leaves the badges out).
 */
function useUnreadCounts(ids: string[]): Record<string, number> | undefined {
  const key = ids.length > 0 ? ids.join(',') : null;
  const documents = useApi((signal) => portalApi.unreadDocumentCounts(ids, signal), key);
  const messages = useApi((signal) => portalApi.unreadMessageCounts(ids, signal), key);
  if (!documents.data || !messages.data) return undefined;
  const sum: Record<string, number> = {};
  for (const id of ids) sum[id] = (documents.data[id] ?? 0) + (messages.data[id] ?? 0);
  return sum;
}
