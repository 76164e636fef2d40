import { useI18n } from '../../../i18n/I18nContext';
import { formatFileSize } from '../../../i18n/i18n';
import type { Upload } from '../../../lib/api/types';
import { FileIcon, TrashIcon } from './icons';

/**
 * The files attached to a message that is being written (MSG-5): name and size, and a trash-bin button per file
 * ("Verwijder {file}") that removes a wrong one before sending. `removing` holds the ids whose removal is on its way.
 */
export function AttachmentList({
  uploads,
  removing,
  onRemove,
  labelledBy,
}: {
  uploads: Upload[];
  removing: ReadonlySet<string>;
  onRemove: (upload: Upload, index: number) => void;
  labelledBy?: string;
}) {
  const { t, lang } = useI18n();
  if (uploads.length === 0) return <p className="muted attachments-none">{t('compose.attachments.none')}</p>;
  return (
    <ul className="attachments" aria-labelledby={labelledBy}>
      {uploads.map((upload, index) => {
        const busy = removing.has(upload.id);
        return (
          <li key={upload.id} className="attachment">
            <span className="attachment-icon" aria-hidden="true">
              <FileIcon />
            </span>
            <span className="attachment-name">{upload.fileName}</span>
            <span className="attachment-size">
              <span className="visually-hidden">, </span>
              {formatFileSize(upload.size, lang)}
            </span>
            <button
              type="button"
              className="icon-button attachment-remove"
              aria-label={t('compose.attachments.remove', { file: upload.fileName })}
              title={t('compose.attachments.remove', { file: upload.fileName })}
              aria-disabled={busy || undefined}
              data-upload-id={upload.id}
              onClick={() => !busy && onRemove(upload, index)}
            >
              <TrashIcon />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
