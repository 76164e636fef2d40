import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDateTime, formatFileSize, formatNumber } from '../../../i18n/i18n';
import { useApi, usePagedApi, type PageLoader } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { Message, MessageAttachment } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { CheckIcon, FileIcon, IncomingIcon, OutgoingIcon, PaperclipIcon } from './icons';

const newestFirst = (a: Message, b: Message) => Date.parse(b.sentAt) - Date.parse(a.sentAt);

/**
 * MSG-1/MSG-2: the dossier's messages, newest first, a page at a time. Each message is a disclosure button: one click
 * (or Enter/Space) opens it below, which loads its text (the server marks it read then) and lowers the unread count at
 * once. Give it a React key per list: a new `loadPage` is only picked up for the next page.
 */
export function MessageList({
  loadPage,
  onRead,
  onOpened,
  onReply,
  canReply,
  initialOpenId,
}: {
  loadPage: PageLoader<Message>;
  /** An unread message was opened: lower the unread count now. */
  onRead: (message: Message) => void;
  /** The server has answered the opening of a message (it is read there now). */
  onOpened: (message: Message) => void;
  onReply: (message: Message) => void;
  /** False while a message is being written ("Beantwoorden" is hidden then). */
  canReply: boolean;
  /** Opened and focused once it is among the loaded messages (a link to it). */
  initialOpenId?: string;
}) {
  const { t, lang } = useI18n();
  const list = usePagedApi(loadPage);
  const [openId, setOpenId] = useState<string | null>(null);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(() => new Set());
  const listRef = useRef<HTMLUListElement>(null);
  const focusOnArrival = useRef<number | null>(null);
  const items = useMemo(() => [...list.items].sort(newestFirst), [list.items]);

  useEffect(() => {
    const index = focusOnArrival.current;
    if (index === null || items.length <= index) return;
    focusOnArrival.current = null;
    listRef.current?.querySelectorAll<HTMLButtonElement>('.message-toggle')[index]?.focus();
  }, [items.length]);

  // A link to a message opens it once it is listed, and takes the focus there.
  const openedByLink = useRef<string | null>(null);
  useEffect(() => {
    if (!initialOpenId || openedByLink.current === initialOpenId) return;
    const message = items.find((m) => m.id === initialOpenId);
    if (!message) return;
    openedByLink.current = initialOpenId;
    setOpenId(message.id);
    if (!message.read) {
      setReadIds((ids) => new Set(ids).add(message.id));
      onRead(message);
    }
    const item = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-message-id]') ?? [])].find((el) => el.dataset.messageId === message.id);
    item?.querySelector<HTMLButtonElement>('.message-toggle')?.focus();
  }, [initialOpenId, items, onRead]);

  if (list.totalItems === undefined) {
    return list.error !== undefined ? <ErrorMessage error={list.error} onRetry={list.loadMore} /> : <Loading />;
  }
  if (items.length === 0) return <p className="muted">{t('dossier.messages.empty')}</p>;

  const toggle = (message: Message) => {
    if (openId === message.id) {
      setOpenId(null);
      return;
    }
    setOpenId(message.id);
    if (!message.read && !readIds.has(message.id)) {
      setReadIds((ids) => new Set(ids).add(message.id));
      onRead(message);
    }
  };

  const showMore = () => {
    if (list.loading) return;
    focusOnArrival.current = items.length;
    list.loadMore();
  };

  return (
    <>
      <ul ref={listRef} className="messages" aria-label={t('messages.listLabel')}>
        {items.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            unread={!message.read && !readIds.has(message.id)}
            open={openId === message.id}
            onToggle={() => toggle(message)}
            onOpened={onOpened}
            onReply={canReply ? onReply : undefined}
          />
        ))}
      </ul>
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {list.multiplePages && (
        <div className="documents-more">
          <p className="muted" role="status">
            {t('messages.shown', { shown: formatNumber(items.length, lang), total: formatNumber(Math.max(items.length, list.totalItems), lang) })}
          </p>
          {(list.hasMore || list.error !== undefined) && (
            <button type="button" className="button button-secondary" aria-disabled={list.loading || undefined} onClick={showMore}>
              {t('dossier.documents.more')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

function MessageItem({
  message,
  unread,
  open,
  onToggle,
  onOpened,
  onReply,
}: {
  message: Message;
  unread: boolean;
  open: boolean;
  onToggle: () => void;
  onOpened: (message: Message) => void;
  onReply?: (message: Message) => void;
}) {
  const { t, tp, lang } = useI18n();
  const panelId = useId();
  const incoming = message.direction === 'INCOMING';
  const classes = ['message', incoming ? 'message-incoming' : 'message-outgoing', unread ? 'message-unread' : '', open ? 'message-open' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes} data-message-id={message.id}>
      <button type="button" className="message-toggle" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
        <span className="message-icon" role="img" aria-label={t(incoming ? 'messages.incoming' : 'messages.outgoing')}>
          {incoming ? <IncomingIcon /> : <OutgoingIcon />}
        </span>
        <span className="message-main">
          <span className="message-subject">
            {unread && <span className="badge badge-unread">{t('messages.unread')}</span>}
            <span>{message.subject}</span>
          </span>
          <span className="message-meta">
            <span>{t('messages.from', { name: message.senderName })}</span>
            <span aria-hidden="true"> · </span>
            <span>
              <span className="visually-hidden">{t('messages.sentOn')} </span>
              <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, lang)}</time>
            </span>
            {message.attachments.length > 0 && (
              <span className="message-clip">
                <span aria-hidden="true"> · </span>
                <PaperclipIcon size={14} />
                {tp('messages.attachmentCount', message.attachments.length)}
              </span>
            )}
          </span>
        </span>
        <span className="message-chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
      </button>
      <div id={panelId} className="message-detail" hidden={!open}>
        {open && <MessageDetail message={message} onOpened={onOpened} onReply={onReply} />}
      </div>
    </li>
  );
}

/** The opened message: its text, attachments and (for the client's own messages) whether the office read it. */
function MessageDetail({ message, onOpened, onReply }: { message: Message; onOpened: (message: Message) => void; onReply?: (message: Message) => void }) {
  const { t, lang } = useI18n();
  const loaded = useApi((signal) => portalApi.message(message.id, signal), message.id);
  const reported = useRef(false);

  useEffect(() => {
    if (reported.current || loaded.loading) return;
    reported.current = true;
    onOpened(message);
  }, [loaded.loading, message, onOpened]);

  if (loaded.error !== undefined) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;

  const full = { ...message, ...loaded.data };
  return (
    <>
      <div className="message-body">{full.body}</div>
      {full.attachments.length > 0 && <MessageAttachments attachments={full.attachments} />}
      {full.direction === 'OUTGOING' && (
        <p className={full.readByOfficeAt ? 'read-state read-state-read' : 'read-state'}>
          {full.readByOfficeAt && <CheckIcon />}
          {full.readByOfficeAt ? t('messages.readByOffice', { date: formatDateTime(full.readByOfficeAt, lang) }) : t('messages.notReadByOffice')}
        </p>
      )}
      {onReply && (
        <p className="message-actions">
          <button type="button" className="button button-secondary reply" data-reply-to={message.id} onClick={() => onReply(full)}>
            <span aria-hidden="true">↩ </span>
            {t('messages.reply')}
          </button>
        </p>
      )}
    </>
  );
}

function MessageAttachments({ attachments }: { attachments: MessageAttachment[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  return (
    <div className="message-attachments">
      <p id={id} className="field-label">
        {t('messages.attachments')}
      </p>
      <ul className="attachments" aria-labelledby={id}>
        {attachments.map((attachment) => (
          <li key={attachment.documentId} className="attachment">
            <span className="attachment-icon" aria-hidden="true">
              <FileIcon />
            </span>
            <span className="attachment-name">{attachment.fileName}</span>
            <span className="attachment-size">
              <span className="visually-hidden">, </span>
              {formatFileSize(attachment.size, lang)}
            </span>
            <a className="button button-secondary button-small attachment-download" href={portalApi.documentContentUrl(attachment.documentId)} download>
              <span aria-hidden="true">↓ </span>
              {t('dossier.documents.download')}
              <span className="visually-hidden"> {attachment.fileName}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
