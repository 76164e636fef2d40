import { useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatFileSize } from '../../../i18n/i18n';
import { usePagedApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { StaffDossier, StaffMessage } from '../../../lib/api/types';
import { DateTime } from '../../../components/DateTime';
import { TextField } from '../../../components/FormField';
import { ErrorMessage, Loading } from '../../../components/Status';
import { fieldErrorsOf } from '../fieldErrors';

const PAGE = 20;

/** "Berichten": the dossier's thread, newest first; the office reads and answers, with files. */
export function MessagesTab({ dossier }: { dossier: StaffDossier }) {
  const { t } = useI18n();
  const [round, setRound] = useState(0);
  const [replyTo, setReplyTo] = useState<StaffMessage | undefined>(undefined);
  const list = usePagedApi((page, signal) => portalApi.staffMessages(dossier.id, page, PAGE, signal), `${dossier.id}:${round}`);
  return (
    <div className="stack">
      <OfficeCompose
        dossierId={dossier.id}
        replyTo={replyTo}
        onSent={() => {
          setReplyTo(undefined);
          setRound((n) => n + 1);
        }}
        onCancelReply={() => setReplyTo(undefined)}
      />
      <section className="card" aria-label={t('office.messages.thread')}>
        {list.error !== undefined && <ErrorMessage error={list.error} onRetry={list.loadMore} />}
        {list.totalItems === undefined && list.error === undefined ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <p className="muted">{t('office.messages.none')}</p>
        ) : (
          <ol className="office-messages">
            {list.items.map((m) => (
              <OfficeMessage key={m.id} message={m} onReply={() => setReplyTo(m)} />
            ))}
          </ol>
        )}
        {list.hasMore && (
          <button type="button" className="button button-secondary" disabled={list.loading} onClick={list.loadMore}>
            {t('office.work.more')}
          </button>
        )}
      </section>
    </div>
  );
}

function OfficeMessage({ message, onReply }: { message: StaffMessage; onReply: () => void }) {
  const { t, lang } = useI18n();
  // Directions are the client's words (MSG-1): OUTGOING is what the client sent, so it comes in at the office.
  const fromClient = message.direction === 'OUTGOING';
  const [readAt, setReadAt] = useState(message.readByOfficeAt);
  const [failure, setFailure] = useState<unknown>(undefined);
  const markRead = async () => {
    try {
      setReadAt((await portalApi.markMessageReadByOffice(message.id)).readByOfficeAt);
    } catch (err) {
      setFailure(err);
    }
  };
  return (
    <li className={fromClient ? 'office-message office-message-in' : 'office-message office-message-out'}>
      <div className="office-message-head">
        <strong>{message.subject}</strong>
        <span className="muted">
          {fromClient ? t('office.messages.from', { name: message.senderName ?? t('office.work.someone') }) : t('office.messages.fromOffice', { name: message.senderName ?? '' })}
          {message.senderRole === 'ADVISER' && ` (${t('office.messages.byAdviser')})`}{' '}
          · <DateTime value={message.sentAt} />
        </span>
      </div>
      <p className="office-message-body">{message.body}</p>
      {message.attachments.length > 0 && (
        <ul className="office-attachments" aria-label={t('office.messages.attachments')}>
          {message.attachments.map((a) => (
            <li key={a.documentId}>
              <a href={portalApi.staffDocumentContentUrl(a.documentId)} download>
                {a.fileName}
              </a>{' '}
              <span className="muted">({formatFileSize(a.size, lang)})</span>
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        {fromClient && (
          <button type="button" className="button button-primary button-small" onClick={onReply}>
            {t('office.messages.reply')}
            <span className="visually-hidden"> {message.subject}</span>
          </button>
        )}
        {fromClient &&
          (readAt ? (
            <span className="muted">{t('office.messages.readAt')} <DateTime value={readAt} /></span>
          ) : (
            <button type="button" className="button button-secondary button-small" onClick={markRead}>
              {t('office.messages.markRead')}
              <span className="visually-hidden"> {message.subject}</span>
            </button>
          ))}
        {!fromClient && message.readByClientAt && (
          <span className="muted">{t('office.messages.readByClient')} <DateTime value={message.readByClientAt} /></span>
        )}
      </div>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </li>
  );
}

/** "Nieuw bericht" / the answer to a client's message: subject, text, files. */
function OfficeCompose({
  dossierId,
  replyTo,
  onSent,
  onCancelReply,
}: {
  dossierId: string;
  replyTo?: StaffMessage;
  onSent: () => void;
  onCancelReply: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<{ subject?: string; body?: string }>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState('');
  const subjectInput = useRef<HTMLInputElement>(null);
  const shownSubject = replyTo && !subject ? `Re: ${replyTo.subject}` : subject;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent('');
    setFailure(undefined);
    const found = { subject: shownSubject.trim() ? undefined : t('office.messages.subject.missing'), body: body.trim() ? undefined : t('office.messages.body.missing') };
    setErrors(found);
    if (found.subject || found.body) return;
    setSending(true);
    try {
      await portalApi.sendOfficeMessage(dossierId, { subject: shownSubject.trim(), body, inReplyTo: replyTo?.id, files });
      setSubject('');
      setBody('');
      setFiles([]);
      setSent(t('office.messages.sent'));
      onSent();
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields.subject || fields.body) setErrors({ subject: fields.subject && t('office.messages.subject.missing'), body: fields.body && t('office.messages.body.missing') });
      else setFailure(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{replyTo ? t('office.messages.replyTo', { subject: replyTo.subject }) : t('office.messages.new')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField id={`${id}-subject`} label={t('office.messages.subject')} value={shownSubject} onChange={setSubject} error={errors.subject} inputRef={subjectInput} maxLength={200} autoComplete="off" />
        <div className={errors.body ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-body`}>{t('office.messages.body')}</label>
          {errors.body && <p id={`${id}-body-error`} className="field-error">{errors.body}</p>}
          <textarea
            id={`${id}-body`}
            rows={5}
            value={body}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? `${id}-body-error` : undefined}
            onChange={(e) => setBody(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-files`}>{t('office.messages.files')}</label>
          <input id={`${id}-files`} type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        </div>
        {failure !== undefined && <ErrorMessage error={failure} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={sending}>
            {t('office.messages.send')}
          </button>
          {replyTo && (
            <button type="button" className="button button-secondary" onClick={onCancelReply}>
              {t('office.cancel')}
            </button>
          )}
          <span className="form-status" role="status">
            {sent}
          </span>
        </div>
      </form>
    </section>
  );
}
