import { useI18n } from '../../../i18n/I18nContext';
import type { AccountType } from '../../../lib/api/types';

/** "Particulier", or "Bedrijf (hoofdaccount)" with the company's name under it. */
export function AccountTypeText({ type, companyName }: { type: AccountType; companyName: string | null }) {
  const { t } = useI18n();
  return (
    <>
      {t(`office.accountType.${type}`)}
      {companyName && type !== 'PERSON' && <span className="account-company">{companyName}</span>}
    </>
  );
}
