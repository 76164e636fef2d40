import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import * as portalApi from '../../../lib/api/portalApi';
import type { Message, MessageWithBody } from '../../../lib/api/types';
import { ComposeForm } from './ComposeForm';
import { MessageList } from './MessageList';

export const MESSAGES_PAGE_SIZE = 20;

type Compose = { replyTo?: Message };
/** Where the focus goes when the form closes: "Nieuw bericht", or the "Beantwoorden" of the message replied to. */
type FocusTarget = { kind: 'new' } | { kind: 'reply'; messageId: string };

/**
 * The "Berichten" tab (MSG-1..6): "Nieuw bericht", the form to write a message or a reply, and the list of messages.
 * `onRead` lowers the unread count at once, `onOpened` confirms it with the server, `onSent` reloads the counts
 * (the tab's, and "Door mij aangeleverd" for the attachments).
 */
export function MessagesPanel({
  dossierId,
  onRead,
  onOpened,
  onSent,
  openMessageId,
  replies = true,
}: {
  dossierId: string;
  onRead: () => void;
  onOpened: () => void;
  onSent: (message: MessageWithBody) => void;
  /** A message to open and focus once it is listed (a link to it, e.g. from a delivered file). */
  openMessageId?: string | null;
  /** False for an adviser (ADV-1): they see only their own messages and write new ones, never a reply. */
  replies?: boolean;
}) {
  const { t } = useI18n();
  const [compose, setCompose] = useState<Compose | null>(null);
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState('');
  const panelRef = useRef<HTMLDivElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const focusTarget = useRef<FocusTarget | null>(null);

  // Back to where the client was once the form is gone (the button is rendered again by then).
  useEffect(() => {
    const target = focusTarget.current;
    if (compose || !target) return;
    focusTarget.current = null;
    const reply =
      target.kind === 'reply'
        ? [...(panelRef.current?.querySelectorAll<HTMLButtonElement>('button[data-reply-to]') ?? [])].find((b) => b.dataset.replyTo === target.messageId)
        : undefined;
    (reply ?? newButtonRef.current)?.focus();
  }, [compose, generation]);

  const startNew = () => {
    setNotice('');
    setCompose({});
  };
  const startReply = useCallback((message: Message) => {
    setNotice('');
    setCompose({ replyTo: message });
  }, []);

  const cancel = () => {
    focusTarget.current = compose?.replyTo ? { kind: 'reply', messageId: compose.replyTo.id } : { kind: 'new' };
    setCompose(null);
  };

  const sent = (message: MessageWithBody) => {
    focusTarget.current = { kind: 'new' };
    setCompose(null);
    setNotice(t('messages.sent'));
    // The new message comes first: load the list again from the top.
    setGeneration((g) => g + 1);
    onSent(message);
  };

  return (
    <div className="messages-panel" ref={panelRef}>
      <div className="messages-toolbar">
        <p role="status" className={notice ? 'notice notice-ok' : 'notice'}>
          {notice}
        </p>
        {!compose && (
          <button ref={newButtonRef} type="button" className="button button-primary" onClick={startNew}>
            <span aria-hidden="true">+ </span>
            {t('messages.new')}
          </button>
        )}
      </div>
      {compose && (
        <ComposeForm
          key={compose.replyTo?.id ?? 'new'}
          dossierId={dossierId}
          replyTo={compose.replyTo}
          onSent={sent}
          onCancel={cancel}
        />
      )}
      <MessageList
        key={`${dossierId}-${generation}`}
        loadPage={(page, signal) => portalApi.messages(dossierId, page, MESSAGES_PAGE_SIZE, signal)}
        onRead={onRead}
        onOpened={onOpened}
        onReply={startReply}
        canReply={replies && !compose}
        initialOpenId={openMessageId ?? undefined}
      />
    </div>
  );
}
