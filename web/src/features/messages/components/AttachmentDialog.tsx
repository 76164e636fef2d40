// The attachment pop-up (MSG-5): Uppy's Dashboard in the portal's modal dialog, uploading with tus so an upload survives a
// dropped connection. Loaded lazily (React.lazy in ComposeForm): Uppy stays out of the main bundle until a message is written.
import { useEffect, useRef, useState } from 'react';
import type Uppy from '@uppy/core';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import { useI18n } from '../../../i18n/I18nContext';
import { formatFileSize } from '../../../i18n/i18n';
import { createUppy, type AttachmentFile, type FileBody, type FileMeta } from '../../../lib/tusUploads';
import { fileProblemText } from '../../../lib/api/problemText';
import * as portalApi from '../../../lib/api/portalApi';
import type { Upload } from '../../../lib/api/types';
import { PHONE_QUERY, useMediaQuery } from '../../../lib/useMediaQuery';
import { AttachmentDialogBox } from './AttachmentDialogBox';
import { uppyLocale } from './uppyLocale';

export interface AttachmentDialogProps {
  open: boolean;
  onClose: () => void;
  dossierId: string;
  /** How many files may still be added to the message. */
  remaining: number;
  /** A file is uploaded: the server's view of it (the name it stored). */
  onUploaded: (upload: Upload) => void;
  /** A file was not added (the server refused it, or Uppy did): a sentence in the user's language that names the file. */
  onRefused: (fileName: string, message: string) => void;
  /** Uploads are running (true) or have all ended (false); the message waits for them before it is sent. */
  onBusyChange?: (busy: boolean) => void;
}

export { createUppy } from '../../../lib/tusUploads';

export default function AttachmentDialog({ open, onClose, dossierId, remaining, onUploaded, onRefused, onBusyChange }: AttachmentDialogProps) {
  const { t, lang } = useI18n();
  const [uppy, setUppy] = useState<Uppy<FileMeta, FileBody> | null>(null);
  const latest = useRef({ onClose, onUploaded, onRefused, onBusyChange, t, lang });
  useEffect(() => {
    latest.current = { onClose, onUploaded, onRefused, onBusyChange, t, lang };
  });

  // One Uppy per form (created in an effect so that StrictMode's second mount gets a live instance).
  useEffect(() => {
    const instance = createUppy(dossierId, 'attachments', () => latest.current.lang);
    let destroyed = false;
    let pending: Promise<void>[] = [];

    instance.on('upload-success', (file, response) => {
      if (!file) return;
      const id = portalApi.uploadIdFromUrl(response.uploadURL ?? '');
      if (!id) {
        const name = file.name ?? '';
        latest.current.onRefused(name, latest.current.t('compose.attachments.refused', { file: name, reason: latest.current.t('error.generic') }));
        return;
      }
      // Show the name the server stored; if that cannot be asked now, the upload is still attached.
      const local: Upload = { id, fileName: file.name ?? id, size: file.size ?? 0, contentType: file.type };
      pending.push(
        portalApi.upload(id).then(
          (server) => latest.current.onUploaded({ ...local, ...server, id }),
          () => latest.current.onUploaded(local),
        ),
      );
    });
    instance.on('upload-error', (file, error) => {
      if (!file) return;
      const name = file.name ?? '';
      // The reason in the user's language (the problem's code, else its status; no answer at all is a lost connection).
      const message = fileProblemText(error, name, latest.current.lang);
      latest.current.onRefused(name, message);
      // Uppy's toast only says "… is niet geüpload", with the reason behind a "?" for mouse users: say it in full.
      const failed = instance.i18n('failedToUpload', { file: name });
      instance.setState({ info: instance.getState().info.map((entry) => (entry.message === failed ? { ...entry, message, details: null } : entry)) });
    });
    // A file Uppy itself refuses (too large, a duplicate, one too many): its toast is in the user's language; the form lists it too.
    instance.on('restriction-failed', (file, error) => {
      if (!file || !error?.message) return;
      const name = file.name ?? '';
      latest.current.onRefused(name, error.message.includes(name) ? error.message : latest.current.t('compose.attachments.refused', { file: name, reason: error.message }));
    });
    instance.on('upload', () => latest.current.onBusyChange?.(true));
    instance.on('complete', (result) => {
      const uploaded = (result.successful ?? []).map((file: AttachmentFile) => file.id);
      const failed = result.failed ?? [];
      const settled = Promise.allSettled(pending);
      pending = [];
      void settled.then(() => {
        if (destroyed) return;
        latest.current.onBusyChange?.(false);
        // The uploaded files now belong to the message form; the dialog is empty again for the next ones.
        const left = uploaded.filter((fileId) => instance.getFile(fileId));
        if (left.length) instance.removeFiles(left);
        if (failed.length === 0) latest.current.onClose();
      });
    });
    // "Annuleer" (Uppy's cancel-all) empties the selection; the manual has it close the pop-up as well.
    instance.on('cancel-all', () => {
      if (destroyed) return;
      latest.current.onBusyChange?.(false);
      latest.current.onClose();
    });

    setUppy(instance);
    return () => {
      destroyed = true;
      instance.destroy();
    };
  }, [dossierId]);

  // On a phone the drop area offers just "Bladeren" (files are seldom dragged there); dropping still works.
  const phone = useMediaQuery(PHONE_QUERY);
  useEffect(() => {
    const locale = uppyLocale(lang);
    uppy?.setOptions({ locale: phone ? { ...locale, strings: { ...locale.strings, dropPasteFiles: '%{browseFiles}' } } : locale });
  }, [uppy, lang, phone]);

  useEffect(() => {
    uppy?.setOptions({ restrictions: { maxNumberOfFiles: Math.max(1, remaining) } });
  }, [uppy, remaining]);

  // Closed, the dialog is gone from the page; Uppy (its files, the uploads in progress) lives on for the next opening.
  if (!uppy || !open) return null;
  return (
    <AttachmentDialogBox
      uppy={uppy}
      onClose={onClose}
      note={t('compose.attachments.note', {
        max: portalApi.UPLOAD_LIMITS.maxFiles,
        size: formatFileSize(portalApi.UPLOAD_LIMITS.maxFileSize, lang),
      })}
    />
  );
}
