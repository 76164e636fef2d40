import { useI18n } from '../../../i18n/I18nContext';
import type { MessageKey } from '../../../i18n/i18n';
import type { GrantState } from '../../../lib/api/types';

const STATE_CLASS: Record<GrantState, string> = {
  ACTIVE: 'status-completed',
  EXPIRED: 'status-on-hold',
  REVOKED: 'status-cancelled',
};

/** "Actief", "Verlopen" or "Ingetrokken" as a badge. */
export function GrantStateBadge({ state }: { state: GrantState }) {
  const { t } = useI18n();
  return <span className={`status ${STATE_CLASS[state] ?? 'status-cancelled'}`}>{t(`grants.state.${state}` as MessageKey) ?? state}</span>;
}
