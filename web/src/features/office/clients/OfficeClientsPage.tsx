import { useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { useApi, usePageTitle } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import { ACCOUNT_STATES, ACCOUNT_TYPES, type AccountState, type AccountType, type StaffAccountQuery } from '../../../lib/api/types';
import { Dialog } from '../../../components/Dialog';
import { DateTime } from '../../../components/DateTime';
import { Paging } from '../../../components/Paging';
import { SearchForm } from '../../../components/SearchForm';
import { ErrorMessage, Loading } from '../../../components/Status';
import { InviteClientForm } from '../dossiers/InviteClientForm';
import { officePath } from '../paths';
import { AccountStateBadge } from './AccountStateBadge';
import { AccountTypeText } from './AccountTypeText';
import { parseStaffAccountQuery, toStaffAccountSearch } from './staffAccountParams';

/** Ticks one value on or off in a list, keeping the list's own order. */
function toggled<T>(all: readonly T[], chosen: readonly T[], value: T, on: boolean): T[] {
  return all.filter((v) => (v === value ? on : chosen.includes(v)));
}

/**
 * "Cliënten" (STF-1, OFF-1): every account of the portal, searched and filtered on the server, most recently changed
 * first; the state lives in the URL. "Cliënt uitnodigen" opens the invitation form and then the new client's page.
 */
export function OfficeClientsPage() {
  const { t, tp } = useI18n();
  usePageTitle(t('office.clients.title'));
  const id = useId();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = parseStaffAccountQuery(searchParams);
  const [inviting, setInviting] = useState(false);

  const key = toStaffAccountSearch(params).toString();
  const list = useApi((signal) => portalApi.staffAccounts(params, signal), key);
  const go = (next: StaffAccountQuery) => setSearchParams(toStaffAccountSearch(next));
  const toggleState = (state: AccountState, on: boolean) => go({ ...params, page: 0, states: toggled(ACCOUNT_STATES, params.states, state, on) });
  const toggleType = (type: AccountType, on: boolean) => go({ ...params, page: 0, types: toggled(ACCOUNT_TYPES, params.types, type, on) });
  const data = list.data;
  const companyName = params.companyId ? data?.items.find((a) => a.companyName)?.companyName : undefined;

  return (
    <>
      <div className="page-heading">
        <h1>{t('office.clients.title')}</h1>
        <button type="button" className="button button-primary" onClick={() => setInviting(true)}>
          {t('office.clients.invite')}
        </button>
      </div>

      <div className="card filters">
        <SearchForm id={`${id}-query`} label={t('office.clients.search.label')} query={params.query} onSearch={(query) => go({ ...params, query, page: 0 })} />
        <fieldset className="status-filter">
          <legend>{t('office.clients.filter.state')}</legend>
          <div className="checkboxes">
            {ACCOUNT_STATES.map((state) => (
              <label key={state} className="checkbox">
                <input
                  type="checkbox"
                  name="state"
                  value={state}
                  checked={params.states.includes(state)}
                  onChange={(e) => toggleState(state, e.target.checked)}
                />
                <span>{t(`accounts.state.${state}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="status-filter">
          <legend>{t('office.clients.filter.type')}</legend>
          <div className="checkboxes">
            {ACCOUNT_TYPES.map((type) => (
              <label key={type} className="checkbox">
                <input
                  type="checkbox"
                  name="type"
                  value={type}
                  checked={params.types.includes(type)}
                  onChange={(e) => toggleType(type, e.target.checked)}
                />
                <span>{t(`office.accountType.${type}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {params.companyId && (
          <p className="filter-note">
            {companyName ? t('office.clients.company.only', { company: companyName }) : t('office.clients.company.onlyUnnamed')}{' '}
            <button type="button" className="button button-secondary button-small" onClick={() => go({ ...params, companyId: '', page: 0 })}>
              {t('office.clients.company.clear')}
            </button>
          </p>
        )}
      </div>

      <div aria-live="polite" className="result-count">
        {data && !list.loading ? tp('office.clients.found', data.totalItems) : ''}
      </div>

      {list.error !== undefined ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <div className="card empty-state">
          <h2>{t('office.clients.empty')}</h2>
        </div>
      ) : (
        <>
          <table className="dossier-table" role="table" aria-busy={list.loading}>
            <caption className="visually-hidden">{t('office.clients.title')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('accounts.col.name')}</th>
                <th scope="col" role="columnheader">{t('accounts.col.email')}</th>
                <th scope="col" role="columnheader">{t('office.clients.col.type')}</th>
                <th scope="col" role="columnheader">{t('accounts.col.state')}</th>
                <th scope="col" role="columnheader">{t('office.clients.col.updated')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {data.items.map((account) => (
                <tr key={account.id} role="row">
                  <td role="cell" data-label={t('accounts.col.name')}>
                    <Link to={officePath.client(account.id)}>{account.name || account.email}</Link>
                  </td>
                  <td role="cell" data-label={t('accounts.col.email')} className="cell-email">
                    {account.email}
                  </td>
                  <td role="cell" data-label={t('office.clients.col.type')}>
                    <AccountTypeText type={account.type} companyName={account.companyName} />
                  </td>
                  <td role="cell" data-label={t('accounts.col.state')}>
                    <AccountStateBadge state={account.state} />
                  </td>
                  <td role="cell" data-label={t('office.clients.col.updated')}>
                    <DateTime value={account.updatedAt ?? account.activatedAt ?? account.invitedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Paging page={params.page} totalPages={data.totalPages} onPage={(page) => go({ ...params, page })} />
        </>
      )}

      {inviting && (
        <Dialog labelledBy={`${id}-invite-heading`} onClose={() => setInviting(false)}>
          <h2 id={`${id}-invite-heading`}>{t('office.invite.heading')}</h2>
          <InviteClientForm
            onCancel={() => setInviting(false)}
            onInvited={(account) => {
              setInviting(false);
              navigate(officePath.client(account.id), { state: { invited: true } });
            }}
          />
        </Dialog>
      )}
    </>
  );
}
