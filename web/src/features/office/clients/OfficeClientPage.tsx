import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { useApi, usePageTitle } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { AccountView } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { officePath } from '../paths';
import { AccountStateBadge } from './AccountStateBadge';
import { ClientDetails } from './ClientDetails';
import { ClientDossiers } from './ClientDossiers';
import { CompanyAccounts } from './CompanyAccounts';
import { ResendInvitation } from './ResendInvitation';

/**
 * One client (STF-1): the account's details and state with its dates, "Uitnodiging opnieuw versturen" while it is
 * invited, a company's other accounts, and the dossiers the account is party to.
 */
export function OfficeClientPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const justInvited = (location.state as { invited?: boolean } | null)?.invited === true;
  const loaded = useApi((signal) => portalApi.staffAccount(id, signal), id);
  // After "Uitnodiging opnieuw versturen" the server's answer is the account: shown at once.
  const [changed, setChanged] = useState<AccountView | undefined>(undefined);
  const account = changed?.id === id ? changed : loaded.data;
  usePageTitle(account ? account.name || account.email : t('office.client.title'));

  if (loaded.error !== undefined && !account) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!account) return <Loading />;

  return (
    <>
      <p className="breadcrumb">
        <Link to={officePath.clients()}>
          <span aria-hidden="true">← </span>
          {t('office.client.back')}
        </Link>
      </p>
      <div className="page-heading">
        <h1>{account.name || account.email}</h1>
        <AccountStateBadge state={account.state} />
      </div>
      {justInvited && (
        <p className="notice notice-ok" role="status">
          {t('office.client.invited', { email: account.email })}
        </p>
      )}
      <div className="stack">
        <section className="card" aria-labelledby="client-details-heading">
          <h2 id="client-details-heading">{t('office.client.details.heading')}</h2>
          <ClientDetails account={account} />
          <ResendInvitation
            account={account}
            onResent={setChanged}
            onConflict={() => {
              setChanged(undefined);
              loaded.reload();
            }}
          />
        </section>
        {account.companyId && account.type !== 'PERSON' && <CompanyAccounts account={account} />}
        <ClientDossiers account={account} />
      </div>
    </>
  );
}
