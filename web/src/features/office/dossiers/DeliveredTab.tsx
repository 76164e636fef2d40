import { useI18n } from '../../../i18n/I18nContext';
import type { StaffDossier } from '../../../lib/api/types';
import { StaffDocumentList } from './StaffDocumentList';

/** "Aangeleverd": what the clients delivered (their message attachments and questionnaire PDFs). */
export function DeliveredTab({ dossier }: { dossier: StaffDossier }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <StaffDocumentList dossier={dossier} category="DELIVERED" heading={t('office.dossier.tab.aangeleverd')} />
    </div>
  );
}
