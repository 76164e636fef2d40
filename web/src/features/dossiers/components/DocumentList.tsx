import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatNumber } from '../../../i18n/i18n';
import { usePagedApi, type PageLoader } from '../../../lib/hooks';
import type { MessageSubject, PortalDocument } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { DocumentItem } from './DocumentItem';

/**
 * The documents of one tab, a page at a time: "Meer laden" appends the next page and moves the focus to the first
 * new document, so keyboard and screen reader users go on where the list grew. Give it a React key per list:
 * a new `loadPage` is only picked up for the next page.
 */
export function DocumentList({
  loadPage,
  tabLabel,
  onRead,
  loadSubjects,
  focusDocumentId,
}: {
  loadPage: PageLoader<PortalDocument>;
  tabLabel: string;
  onRead: () => void;
  /** For files that came with a message: the subjects of those messages (one call per loaded page). */
  loadSubjects?: SubjectsLoader;
  /** A document to scroll to and focus once it is listed (a link to it, e.g. from Home). */
  focusDocumentId?: string | null;
}) {
  const { t } = useI18n();
  const list = usePagedApi(loadPage);
  const subjects = useMessageSubjects(list.items, loadSubjects);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(() => new Set());
  const listRef = useRef<HTMLUListElement>(null);
  const focusOnArrival = useRef<number | null>(null);

  useEffect(() => {
    const index = focusOnArrival.current;
    if (index === null || list.items.length <= index) return;
    focusOnArrival.current = null;
    listRef.current?.children[index]?.querySelector('a')?.focus();
  }, [list.items.length]);

  // A link to a document: its download link takes the focus once the document is on a loaded page.
  const focusedByLink = useRef<string | null>(null);
  useEffect(() => {
    if (!focusDocumentId || focusedByLink.current === focusDocumentId) return;
    const index = list.items.findIndex((doc) => doc.id === focusDocumentId);
    if (index < 0) return;
    focusedByLink.current = focusDocumentId;
    const item = listRef.current?.children[index] as HTMLElement | undefined;
    item?.scrollIntoView?.({ block: 'center' });
    item?.querySelector<HTMLElement>('a.download')?.focus();
  }, [focusDocumentId, list.items]);

  if (list.totalItems === undefined) {
    return list.error !== undefined ? <ErrorMessage error={list.error} onRetry={list.loadMore} /> : <Loading />;
  }
  if (list.items.length === 0) return <p className="muted">{t('dossier.documents.empty')}</p>;

  const markRead = (doc: PortalDocument) => {
    if (doc.read || readIds.has(doc.id)) return;
    setReadIds((ids) => new Set(ids).add(doc.id));
    onRead();
  };

  const showMore = () => {
    if (list.loading) return;
    focusOnArrival.current = list.items.length;
    list.loadMore();
  };

  return (
    <>
      <ul ref={listRef} className="documents" aria-label={t('dossier.documents.listLabel', { tab: tabLabel })}>
        {list.items.map((doc) => (
          <DocumentItem
            key={doc.id}
            document={doc}
            unread={!doc.read && !readIds.has(doc.id)}
            onDownload={() => markRead(doc)}
            messageSubject={doc.messageId ? subjects.get(doc.messageId) : undefined}
          />
        ))}
      </ul>
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {list.multiplePages && (
        <ShowMore shown={list.items.length} total={list.totalItems} canLoadMore={list.hasMore || list.error !== undefined} loading={list.loading} onClick={showMore} />
      )}
    </>
  );
}

/** "20 van 45 documenten getoond" (a polite live region, so an appended page is announced) and "Meer laden". */
function ShowMore({ shown, total, canLoadMore, loading, onClick }: { shown: number; total: number; canLoadMore: boolean; loading: boolean; onClick: () => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="documents-more">
      <p className="muted" role="status">
        {t('dossier.documents.shown', { shown: formatNumber(shown, lang), total: formatNumber(Math.max(shown, total), lang) })}
      </p>
      {canLoadMore && (
        // aria-disabled rather than disabled while loading: a disabled button would drop the keyboard focus.
        <button type="button" className="button button-secondary" aria-disabled={loading || undefined} onClick={onClick}>
          {t('dossier.documents.more')}
        </button>
      )}
    </div>
  );
}

export type SubjectsLoader = (messageIds: string[], signal: AbortSignal) => Promise<MessageSubject[]>;

/** The API takes at most 100 ids a call; a page of documents has 20. */
const MAX_SUBJECT_IDS = 100;

/**
 * The subjects of the messages the listed documents came with, by message id. Each message is asked for once: a page
 * that "Meer laden" appends asks only for the messages not known yet. A failure leaves those without their subject
 * ("Bij een bericht"); what is on its way is cancelled when the list goes.
 */
function useMessageSubjects(documents: PortalDocument[], load: SubjectsLoader | undefined): ReadonlyMap<string, string> {
  const [subjects, setSubjects] = useState<ReadonlyMap<string, string>>(() => new Map());
  const asked = useRef(new Set<string>());
  const loader = useRef(load);
  const unmounted = useRef<AbortController | null>(null);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    const controller = new AbortController();
    unmounted.current = controller;
    return () => controller.abort();
  }, []);

  const messageIds = load ? [...new Set(documents.map((d) => d.messageId).filter((id): id is string => !!id))] : [];
  const key = messageIds
    .filter((id) => !asked.current.has(id))
    .slice(0, MAX_SUBJECT_IDS)
    .join(',');

  useEffect(() => {
    const current = loader.current;
    const signal = unmounted.current?.signal;
    if (!current || !key || !signal) return;
    const ids = key.split(',');
    ids.forEach((id) => asked.current.add(id));
    current(ids, signal).then(
      (found) => {
        if (signal.aborted) return;
        setSubjects((known) => {
          const next = new Map(known);
          for (const message of found) next.set(message.id, message.subject);
          return next;
        });
      },
      () => undefined,
    );
  }, [key]);

  return subjects;
}
