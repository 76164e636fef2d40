import { Component, lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatFileSize } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import { codeText } from '../../../lib/api/problemText';
import * as portalApi from '../../../lib/api/portalApi';
import type { Message, MessageWithBody, Upload } from '../../../lib/api/types';
import { ErrorMessage } from '../../../components/Status';
import { AttachmentList } from './AttachmentList';
import { PaperclipIcon } from './icons';

// Uppy (and its CSS) is only fetched once a message is written.
const AttachmentDialog = lazy(() => import('./AttachmentDialog'));

type Field = 'subject' | 'body' | 'uploads';
type FieldErrors = Partial<Record<Field, string>>;

const MAX_FILES = portalApi.UPLOAD_LIMITS.maxFiles;

/** "Re: Subject", without stacking "Re: Re: …" on a reply to a reply. */
function replySubject(subject: string, prefix: (subject: string) => string): string {
  return /^\s*re\s*:/i.test(subject) ? subject : prefix(subject);
}

/** The field a server-side error belongs to (`uploads[2]` → uploads), or undefined for anything else. */
function fieldOf(name: string | undefined): Field | undefined {
  if (!name) return undefined;
  if (name === 'subject' || name === 'body') return name;
  if (name.startsWith('uploads')) return 'uploads';
  return undefined;
}

/** Delivering what the office asked for in a progress step (NEW-2): the step's id and the requested document's name. */
export interface DeliveryRequest {
  requestId: string;
  name: string;
  /** A sentence under the heading (which dossier it goes to). */
  intro?: string;
}

/**
 * MSG-3/MSG-4/MSG-5: a new message ("Nieuw bericht") or a reply ("Beantwoorden", subject prefilled "Re: …").
 * Subject and body are required (messages next to the fields, also for the server's 400 field errors); attachments are
 * uploaded in the pop-up and listed here with a trash bin each; "Versturen" sends the message with its upload ids.
 * A delivery ("Aanleveren: Kopie paspoort") prefills subject and text, needs at least one file and is sent with the
 * request's id; the dialog around it places the focus, so the form does not.
 */
export function ComposeForm({
  dossierId,
  replyTo,
  delivery,
  headingId,
  onSent,
  onCancel,
}: {
  dossierId: string;
  replyTo?: Pick<Message, 'id' | 'subject'>;
  delivery?: DeliveryRequest;
  /** The heading's id, for a dialog that is labelled by it. */
  headingId?: string;
  onSent: (message: MessageWithBody) => void;
  onCancel: () => void;
}) {
  const { t, tp, lang } = useI18n();
  const id = useId();
  const ids = {
    heading: headingId ?? `${id}-heading`,
    intro: `${id}-intro`,
    subject: `${id}-subject`,
    body: `${id}-body`,
    attachments: `${id}-attachments`,
    hint: `${id}-hint`,
    error: (field: Field) => `${id}-${field}-error`,
  };
  const [subject, setSubject] = useState(() =>
    delivery
      ? t('deliver.subject', { name: delivery.name })
      : replyTo
        ? replySubject(replyTo.subject, (s) => t('messages.replySubject', { subject: s }))
        : '',
  );
  const [body, setBody] = useState(() => (delivery ? t('deliver.body', { name: delivery.name }) : ''));
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [removing, setRemoving] = useState<ReadonlySet<string>>(() => new Set());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refused, setRefused] = useState<{ file: string; message: string }[]>([]);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [uploading, setUploading] = useState(false);
  const addedInDialog = useRef(0);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const focusAfterRemoval = useRef<number | null>(null);

  // Start where the client has to type: the subject of a new message, the text of a reply.
  useEffect(() => {
    if (delivery) return;
    (replyTo ? bodyRef : subjectRef).current?.focus();
    // Only when the form appears (it is keyed by the message it answers).
  }, []);

  // After a trash-bin click the focus goes to the next file's trash bin (or the previous one, or "Bijlagen toevoegen").
  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null) return;
    focusAfterRemoval.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('.attachment-remove') ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? addButtonRef.current)?.focus();
  }, [uploads]);

  const full = uploads.length >= MAX_FILES;

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!subject.trim()) found.subject = t('compose.subject.missing');
    if (!body.trim()) found.body = t('compose.body.missing');
    if (delivery && uploads.length === 0) found.uploads = t('deliver.attachments.missing');
    return found;
  };

  const focusFirst = (found: FieldErrors) => {
    if (found.subject) subjectRef.current?.focus();
    else if (found.body) bodyRef.current?.focus();
    else if (found.uploads) addButtonRef.current?.focus();
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (sending) return;
    setFailure(undefined);
    const found = validate();
    // Files still on their way (the pop-up was closed during the upload) must arrive before the message goes.
    if (uploading) found.uploads = t('compose.attachments.busy');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setSending(true);
    setStatus(t('compose.sending'));
    try {
      const message = await portalApi.sendMessage(dossierId, {
        subject: subject.trim(),
        body,
        ...(replyTo ? { inReplyTo: replyTo.id } : {}),
        uploads: uploads.map((u) => u.id),
        ...(delivery ? { requestId: delivery.requestId } : {}),
      });
      onSent(message);
    } catch (error) {
      setSending(false);
      setStatus('');
      const serverErrors = serverFieldErrors(error);
      if (serverErrors) {
        setErrors(serverErrors);
        focusFirst(serverErrors);
      } else {
        setFailure(error);
      }
    }
  };

  /**
   * 400 with `errors[].field` and 413 (too many files) belong next to the fields; anything else is a general failure.
   * Said in the portal's words (the problem's code, else per field), never the server's English.
   */
  const serverFieldErrors = (error: unknown): FieldErrors | undefined => {
    if (!(error instanceof ApiError)) return undefined;
    const known = codeText(error.problem, lang);
    if (error.status === 413) return { uploads: known ?? t('compose.attachments.tooMany', { max: MAX_FILES }) };
    if (error.status !== 400 && error.status !== 422) return undefined;
    const found: FieldErrors = {};
    for (const fieldError of error.problem?.errors ?? []) {
      const field = fieldOf(fieldError.field);
      if (field && !found[field]) found[field] = known ?? t(`compose.${field}.invalid`);
    }
    return Object.keys(found).length > 0 ? found : undefined;
  };

  const clearError = (field: Field) => setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));

  const remove = async (upload: Upload, index: number) => {
    setRemoving((ids) => new Set(ids).add(upload.id));
    setFailure(undefined);
    try {
      await portalApi.deleteUpload(upload.id);
    } catch (error) {
      // Already gone on the server: it is removed all the same.
      if (!(error instanceof ApiError && error.status === 404)) {
        setRemoving((ids) => withoutId(ids, upload.id));
        setStatus(t('compose.attachments.removeFailed', { file: upload.fileName }));
        return;
      }
    }
    focusAfterRemoval.current = index;
    setUploads((list) => list.filter((u) => u.id !== upload.id));
    setRemoving((ids) => withoutId(ids, upload.id));
    clearError('uploads');
    setStatus(t('compose.attachments.removed', { file: upload.fileName }));
  };

  const openDialog = () => {
    if (full) return;
    addedInDialog.current = 0;
    setRefused([]);
    setDialogOpen(true);
  };

  const onUploaded = (upload: Upload) => {
    setUploads((list) => (list.some((u) => u.id === upload.id) ? list : [...list, upload]));
    if (delivery) clearError('uploads');
    addedInDialog.current += 1;
    setStatus(tp('compose.attachments.added', addedInDialog.current));
  };

  const cancel = () => {
    // Uploads that will not be sent are removed from the server (best effort; the server expires leftovers too).
    for (const upload of uploads) portalApi.deleteUpload(upload.id).catch(() => undefined);
    onCancel();
  };

  const describedBy = (field: Field, ...more: string[]) => [...more, errors[field] ? ids.error(field) : ''].filter(Boolean).join(' ') || undefined;

  return (
    <section className="compose" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="compose-heading">
        {delivery ? t('deliver.title', { name: delivery.name }) : replyTo ? t('messages.reply') : t('messages.new')}
      </h2>
      {replyTo && <p className="muted compose-context">{t('compose.inReplyTo', { subject: replyTo.subject })}</p>}
      {delivery?.intro && (
        <p id={ids.intro} className="muted compose-context">
          {delivery.intro}
        </p>
      )}
      <form noValidate onSubmit={submit}>
        <div className={errors.subject ? 'field field-invalid' : 'field'}>
          <label htmlFor={ids.subject}>{t('compose.subject')}</label>
          {errors.subject && <FieldError id={ids.error('subject')} text={errors.subject} />}
          <input
            ref={subjectRef}
            id={ids.subject}
            type="text"
            name="subject"
            required
            maxLength={200}
            autoComplete="off"
            value={subject}
            aria-invalid={errors.subject ? true : undefined}
            aria-describedby={describedBy('subject')}
            onChange={(e) => {
              setSubject(e.target.value);
              if (e.target.value.trim()) clearError('subject');
            }}
          />
        </div>
        <div className={errors.body ? 'field field-invalid' : 'field'}>
          <label htmlFor={ids.body}>{t('compose.body')}</label>
          {errors.body && <FieldError id={ids.error('body')} text={errors.body} />}
          <textarea
            ref={bodyRef}
            id={ids.body}
            name="body"
            required
            rows={7}
            value={body}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={describedBy('body')}
            onChange={(e) => {
              setBody(e.target.value);
              if (e.target.value.trim()) clearError('body');
            }}
          />
        </div>
        <div className={errors.uploads ? 'field field-invalid' : 'field'} role="group" aria-labelledby={ids.attachments} ref={listRef}>
          <p id={ids.attachments} className="field-label">
            {t('compose.attachments')}
          </p>
          <p id={ids.hint} className="hint">
            {full
              ? t('compose.attachments.full', { max: MAX_FILES })
              : t('compose.attachments.limits', { max: MAX_FILES, size: formatFileSize(portalApi.UPLOAD_LIMITS.maxFileSize, lang) })}
          </p>
          {errors.uploads && <FieldError id={ids.error('uploads')} text={errors.uploads} />}
          <AttachmentList uploads={uploads} removing={removing} onRemove={remove} labelledBy={ids.attachments} />
          {refused.length > 0 && (
            <div className="refusals" role="alert">
              <ul>
                {refused.map((r, index) => (
                  <li key={index}>{r.message}</li>
                ))}
              </ul>
            </div>
          )}
          <button
            ref={addButtonRef}
            type="button"
            className="button button-secondary add-attachments"
            aria-disabled={full || undefined}
            aria-describedby={describedBy('uploads', ids.hint)}
            aria-haspopup="dialog"
            onClick={openDialog}
          >
            <PaperclipIcon size={18} />
            {t('compose.attachments.add')}
          </button>
        </div>
        {failure !== undefined && (
          <div className="compose-failure">
            <p className="field-error">{t('compose.failed')}</p>
            <ErrorMessage error={failure} />
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={sending || undefined}>
            {t('compose.send')}
          </button>
          <button type="button" className="button button-secondary" onClick={cancel} disabled={sending}>
            {t('compose.cancel')}
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {status}
        </p>
      </form>
      <LoadFailure fallback={<p className="field-error" role="alert">{t('compose.attachments.unavailable')}</p>}>
        <Suspense fallback={null}>
          <AttachmentDialog
            open={dialogOpen}
            onClose={() => setDialogOpen(false)}
            dossierId={dossierId}
            remaining={MAX_FILES - uploads.length}
            onUploaded={onUploaded}
            onRefused={(file, message) => setRefused((list) => [...list, { file, message }])}
            onBusyChange={(busy) => {
              setUploading(busy);
              if (!busy) clearError('uploads');
            }}
          />
        </Suspense>
      </LoadFailure>
    </section>
  );
}

/** If the pop-up's code cannot be loaded (offline), the form still works without attachments. */
class LoadFailure extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function withoutId(ids: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(ids);
  next.delete(id);
  return next;
}

function FieldError({ id, text }: { id: string; text: string }) {
  const { t } = useI18n();
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('error.fieldPrefix')} </span>
      {text}
    </p>
  );
}
