import { useI18n } from '../../../i18n/I18nContext';
import type { AccountView } from '../../../lib/api/types';
import { DateTime } from '../../../components/DateTime';
import { AccountStateBadge } from './AccountStateBadge';
import { AccountTypeText } from './AccountTypeText';

const LANGUAGES: Record<string, string> = { nl: 'Nederlands', en: 'English' };

/** The account's details and state: when it was invited, and when the client set a password (activated). */
export function ClientDetails({ account }: { account: AccountView }) {
  const { t } = useI18n();
  return (
    <>
      <p>{t(`office.client.state.${account.state}`)}</p>
      <dl className="details">
        <div>
          <dt>{t('accounts.col.name')}</dt>
          <dd>{account.name || '—'}</dd>
        </div>
        <div>
          <dt>{t('accounts.col.email')}</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>{t('office.clients.col.type')}</dt>
          <dd>
            <AccountTypeText type={account.type} companyName={account.companyName} />
          </dd>
        </div>
        {account.phone && (
          <div>
            <dt>{t('office.client.phone')}</dt>
            <dd>{account.phone}</dd>
          </div>
        )}
        <div>
          <dt>{t('office.invite.language')}</dt>
          <dd>{LANGUAGES[account.language ?? ''] ?? account.language ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('accounts.col.state')}</dt>
          <dd>
            <AccountStateBadge state={account.state} />
          </dd>
        </div>
        <div>
          <dt>{t('accounts.invitedAt')}</dt>
          <dd>{account.invitedAt ? <DateTime value={account.invitedAt} /> : '—'}</dd>
        </div>
        <div>
          <dt>{t('accounts.activatedAt')}</dt>
          <dd>{account.activatedAt ? <DateTime value={account.activatedAt} /> : t('accounts.notActivated')}</dd>
        </div>
      </dl>
    </>
  );
}
