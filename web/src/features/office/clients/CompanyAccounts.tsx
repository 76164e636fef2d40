import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { useApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { AccountView, StaffAccountQuery } from '../../../lib/api/types';
import { Paging } from '../../../components/Paging';
import { ErrorMessage, Loading } from '../../../components/Status';
import { officePath } from '../paths';
import { AccountStateBadge } from './AccountStateBadge';
import { ALL_ACCOUNTS, toStaffAccountSearch } from './staffAccountParams';

/**
 * The other accounts of a company (ME-4): for its main account the extra accounts it added; for an extra account the
 * main account. Both with a link to all of the company's accounts in the list.
 */
export function CompanyAccounts({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  const main = account.type === 'COMPANY_MAIN';
  const query: StaffAccountQuery = { ...ALL_ACCOUNTS, companyId: account.companyId ?? '', types: [main ? 'COMPANY_EXTRA' : 'COMPANY_MAIN'], page };
  const key = toStaffAccountSearch(query).toString();
  const list = useApi((signal) => portalApi.staffAccounts(query, signal), key);
  const others = list.data?.items.filter((a) => a.id !== account.id) ?? [];
  const allOfCompany = `${officePath.clients()}?${toStaffAccountSearch({ ...ALL_ACCOUNTS, companyId: account.companyId ?? '' })}`;
  const heading = main ? t('accounts.extra') : t('office.client.company.main');

  return (
    <section className="card" aria-labelledby="client-company-heading">
      <h2 id="client-company-heading">{heading}</h2>
      {list.error !== undefined ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : others.length === 0 ? (
        <p>{main ? t('office.client.company.noExtra') : t('office.client.company.noMain')}</p>
      ) : (
        <>
          <ul className="party-list">
            {others.map((other) => (
              <li key={other.id}>
                <Link to={officePath.client(other.id)} className="party-name">
                  {other.name || other.email}
                </Link>
                {other.name && <span className="party-email">{other.email}</span>}
                <AccountStateBadge state={other.state} />
              </li>
            ))}
          </ul>
          <Paging page={page} totalPages={list.data.totalPages} onPage={setPage} />
        </>
      )}
      <p>
        <Link to={allOfCompany}>{t('office.client.company.all', { company: account.companyName ?? '' })}</Link>
      </p>
    </section>
  );
}
