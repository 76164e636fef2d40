import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatNumber } from '../../../i18n/i18n';
import { usePagedApi, type PageLoader } from '../../../lib/hooks';
import type { PortalDocument } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { DocumentItem } from './DocumentItem';

/**
 * The documents of one tab, a page at a time: "Meer laden" appends the next page and moves the focus to the first
 * new document, so keyboard and screen reader users go on where the list grew. Give it a React key per list:
 * a new `loadPage` is only picked up for the next page.
 */
export function DocumentList({ loadPage, tabLabel, onRead }: { loadPage: PageLoader<PortalDocument>; tabLabel: string; onRead: () => void }) {
  const { t } = useI18n();
  const list = usePagedApi(loadPage);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(() => new Set());
  const listRef = useRef<HTMLUListElement>(null);
  const focusOnArrival = useRef<number | null>(null);

  useEffect(() => {
    const index = focusOnArrival.current;
    if (index === null || list.items.length <= index) return;
    focusOnArrival.current = null;
    listRef.current?.children[index]?.querySelector('a')?.focus();
  }, [list.items.length]);

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
          <DocumentItem key={doc.id} document={doc} unread={!doc.read && !readIds.has(doc.id)} onDownload={() => markRead(doc)} />
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
