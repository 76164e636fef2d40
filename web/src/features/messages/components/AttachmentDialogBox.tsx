// The open attachment pop-up (MSG-5): the portal's own modal dialog (title, close button, focus kept inside, Escape)
// around Uppy's Dashboard drawn inline. Uppy's own modal had no visible title, its × outside the box and no focus rings.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type Uppy from '@uppy/core';
import Dashboard from '@uppy/react/dashboard';
import { Dialog } from '../../../components/Dialog';
import { useI18n } from '../../../i18n/I18nContext';
import { formatFileSize, type Lang } from '../../../i18n/i18n';
import type { FileBody, FileMeta } from '../../../lib/tusUploads';
import { PHONE_QUERY, useMediaQuery } from '../../../lib/useMediaQuery';

type AttachmentUppy = Uppy<FileMeta, FileBody>;

/** How many files are in the dialog now (chosen, uploading or failed). */
function useFileCount(uppy: AttachmentUppy): number {
  const subscribe = useCallback((onChange: () => void) => uppy.store.subscribe(onChange), [uppy]);
  return useSyncExternalStore(subscribe, () => Object.keys(uppy.getState().files).length);
}

/**
 * The Dashboard's height: low while it only offers "Bladeren" (on a phone a compact drop area under the button, not
 * a screen-filling one), taller once files are listed with their progress.
 */
function dashboardHeight(phone: boolean, hasFiles: boolean): number | string {
  if (phone) return hasFiles ? '60vh' : 190;
  return hasFiles ? 420 : 300;
}

/**
 * Repairs of Uppy's markup, kept up as Uppy re-renders: its list of one file lacks role="list"; its root carries a name
 * without a role (the dialog is named by its heading); file sizes in the portal's words ("0,6 kB", not "597 B").
 */
function repairUppyMarkup(root: HTMLElement, uppy: AttachmentUppy, lang: Lang) {
  root.querySelectorAll('.uppy-Dashboard-files:not([role])').forEach((list) => list.setAttribute('role', 'list'));
  root.querySelectorAll('.uppy-Dashboard[aria-label]').forEach((element) => element.removeAttribute('aria-label'));
  root.querySelectorAll<HTMLElement>('.uppy-Dashboard-Item[id^="uppy_"]').forEach((item) => {
    const size = item.querySelector('.uppy-Dashboard-Item-statusSize');
    const file = uppy.getFile(item.id.slice('uppy_'.length));
    const text = formatFileSize(file?.size, lang);
    if (size && text && size.textContent !== text) size.textContent = text;
  });
}

export function AttachmentDialogBox({ uppy, note, onClose }: { uppy: AttachmentUppy; note: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const titleId = useId();
  const phone = useMediaQuery(PHONE_QUERY);
  const hasFiles = useFileCount(uppy) > 0;
  const content = useRef<HTMLDivElement>(null);
  const browse = useRef<HTMLElement | null>(null);
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });
  // Stable, so that the Dashboard is not given new options on every render.
  const done = useCallback(() => latestClose.current(), []);

  // The dialog opens on "Bladeren" (Uppy has drawn it by now: it renders when the Dashboard mounts).
  useLayoutEffect(() => {
    browse.current = content.current?.querySelector<HTMLElement>('.uppy-Dashboard-browse') ?? null;
  }, []);

  useEffect(() => {
    const root = content.current;
    if (!root) return;
    const repair = () => repairUppyMarkup(root, uppy, lang);
    repair();
    const observer = new MutationObserver(repair);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label'] });
    return () => observer.disconnect();
  }, [uppy, lang]);

  // A file dropped beside the drop area would make the browser open it (and leave the message being written).
  useEffect(() => {
    const outsideUppy = (e: DragEvent) => !(e.target instanceof Element && e.target.closest('.uppy-Dashboard'));
    const onDragOver = (e: DragEvent) => {
      if (!outsideUppy(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
    };
    const onDrop = (e: DragEvent) => {
      if (outsideUppy(e)) e.preventDefault();
    };
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop);
    };
  }, []);

  const title = t('compose.attachments.dialog');
  return (
    <Dialog labelledBy={titleId} onClose={onClose} initialFocus={browse} className="attachment-dialog">
      <h2 id={titleId} className="dialog-title attachment-dialog-title">
        {title}
      </h2>
      <div ref={content} className="attachment-dialog-content">
        <Dashboard
          uppy={uppy}
          width="100%"
          height={dashboardHeight(phone, hasFiles)}
          proudlyDisplayPoweredByUppy={false}
          singleFileFullScreen={false}
          showRemoveButtonAfterComplete={false}
          doneButtonHandler={done}
          theme="light"
          note={note}
        />
      </div>
      {/* Last in the focus order, so that "Bladeren" comes first; drawn in the top corner of the box. */}
      <button type="button" className="dialog-close" onClick={onClose} title={t('dialog.close')}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">{t('dialog.close')}</span>
      </button>
    </Dialog>
  );
}
