import { useI18n } from '../../../i18n/I18nContext';
import type { DossierListItem } from '../../../lib/api/types';
import { typedDate } from '../../questionnaires/lib/dateEntry';

/** ADV-1: "Gedeeld door Anna de Vries tot 31-01-2027" on a dossier someone shared with the account; nothing on its own. */
export function SharedBy({ dossier, className = 'shared-by' }: { dossier: Pick<DossierListItem, 'sharedBy' | 'sharedUntil'>; className?: string }) {
  const { t } = useI18n();
  if (!dossier.sharedBy) return null;
  return (
    <span className={className}>
      {dossier.sharedUntil
        ? t('dossier.sharedBy', { name: dossier.sharedBy, date: typedDate(dossier.sharedUntil) })
        : t('dossier.sharedBy.plain', { name: dossier.sharedBy })}
    </span>
  );
}
