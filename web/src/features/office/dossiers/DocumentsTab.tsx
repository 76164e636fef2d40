import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import type { StaffDossier } from '../../../lib/api/types';
import { PublishDocuments } from './PublishDocuments';
import { StaffDocumentList } from './StaffDocumentList';

/** "Documenten": publish files to the dossier, and the office's documents with who of the parties opened them. */
export function DocumentsTab({ dossier }: { dossier: StaffDossier }) {
  const { t } = useI18n();
  // A publication shows in the lists below at once.
  const [round, setRound] = useState(0);
  return (
    <div className="stack">
      <PublishDocuments dossierId={dossier.id} onPublished={() => setRound((n) => n + 1)} />
      <StaffDocumentList dossier={dossier} category="CORRESPONDENCE" heading={t('office.documents.correspondence')} round={round} />
      <StaffDocumentList dossier={dossier} category="DOCUMENT" heading={t('office.documents.documents')} round={round} />
    </div>
  );
}
