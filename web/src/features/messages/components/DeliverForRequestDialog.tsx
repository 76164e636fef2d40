import { useId } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import type { MessageWithBody } from '../../../lib/api/types';
import { Dialog } from '../../../components/Dialog';
import { ComposeForm } from './ComposeForm';

/** What the office asked for in a progress step, and where it goes. */
export interface DeliveryTarget {
  dossierId: string;
  dossierNumber: string;
  /** The step's id: the message is sent with it as `requestId`. */
  stepId: string;
  /** "Kopie paspoort". */
  name: string;
}

/**
 * "Aanleveren" (NEW-2), on Home and in a dossier's progress: the message form in a modal dialog, with the attachment
 * pop-up, subject ("Aanlevering: Kopie paspoort") and text prefilled and changeable, at least one file required; the
 * message goes to the dossier with the step's id as `requestId`. Escape and "Annuleren" close it without sending.
 */
export function DeliverForRequestDialog({
  target,
  onSent,
  onClose,
}: {
  target: DeliveryTarget;
  onSent: (message: MessageWithBody) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <Dialog labelledBy={headingId} onClose={onClose} className="deliver-dialog">
      <ComposeForm
        dossierId={target.dossierId}
        headingId={headingId}
        delivery={{ requestId: target.stepId, name: target.name, intro: t('deliver.intro', { number: target.dossierNumber }) }}
        onSent={onSent}
        onCancel={onClose}
      />
    </Dialog>
  );
}
