import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { useApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { AccountView, StaffDossier, StaffDossierQuery } from '../../../lib/api/types';
import { DateTime } from '../../../components/DateTime';
import { Paging } from '../../../components/Paging';
import { ErrorMessage, Loading } from '../../../components/Status';
import { StatusBadge } from '../../../components/StatusBadge';
import { officePath } from '../paths';

/** Whether the account is a party of the dossier (the search also finds the text in longer addresses and descriptions). */
const isParty = (dossier: StaffDossier, account: AccountView) =>
  (dossier.partyDetails ?? []).some((p) => p.accountId === account.id) ||
  [...(dossier.parties ?? []), ...(dossier.partyDetails ?? []).map((p) => p.email)].some((p) => p.toLowerCase() === account.email.toLowerCase());

/**
 * The dossiers the account is party to: the staff dossier search on its e-mail address (which matches the parties'
 * addresses), keeping the dossiers where the address is a party itself.
 */
export function ClientDossiers({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  const query: StaffDossierQuery = { query: account.email, statuses: [], sort: 'lastActivity', page };
  const list = useApi((signal) => portalApi.staffDossiers(query, signal), `${account.email}|${page}`);
  const dossiers = list.data?.items.filter((d) => isParty(d, account)) ?? [];

  return (
    <section className="card" aria-labelledby="client-dossiers-heading">
      <h2 id="client-dossiers-heading">{t('office.client.dossiers.heading')}</h2>
      {list.error !== undefined ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : dossiers.length === 0 && list.data.totalPages <= 1 ? (
        <p>{t('office.client.dossiers.none', { name: account.name || account.email })}</p>
      ) : (
        <>
          <ul className="client-dossiers" aria-busy={list.loading}>
            {dossiers.map((d) => (
              <li key={d.id}>
                <Link to={officePath.dossier(d.id)} className="nowrap">
                  {t('office.dossier.title')} {d.number}
                </Link>
                <span className="client-dossier-description">{d.description}</span>
                <StatusBadge status={d.status} />
                <span className="client-dossier-activity">
                  {t('office.dossiers.col.lastActivity')}: <DateTime value={d.lastActivityAt} />
                </span>
              </li>
            ))}
          </ul>
          <Paging page={page} totalPages={list.data.totalPages} onPage={setPage} />
        </>
      )}
    </section>
  );
}
