import { useI18n } from '../../../i18n/I18nContext';
import type { AccountState } from '../../../lib/api/types';

/** The colours of the dossier statuses: invited as in progress, active as done, blocked as on hold, removed greyed out. */
const LOOK: Record<AccountState, string> = {
  INVITED: 'status-in-progress',
  ACTIVE: 'status-completed',
  BLOCKED: 'status-on-hold',
  REMOVED: 'status-cancelled',
};

/** "Uitgenodigd", "Actief", "Geblokkeerd", "Verwijderd". */
export function AccountStateBadge({ state }: { state: AccountState }) {
  const { t } = useI18n();
  return <span className={`status ${LOOK[state]}`}>{t(`accounts.state.${state}`)}</span>;
}
