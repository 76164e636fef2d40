import type { DossierStatus } from '../lib/api/types';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';

export function StatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useI18n();
  const key = `status.${status}` as MessageKey;
  return <span className={`status status-${status.toLowerCase().replace('_', '-')}`}>{t(key) ?? status}</span>;
}
