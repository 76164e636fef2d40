import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import type { MessageKey } from '../../../i18n/i18n';
import { useApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { DocumentCategory, DocumentCounts, GrantScope, MessageCounts } from '../../../lib/api/types';
import { Tabs } from '../../../components/Tabs';
import { MessagesPanel } from '../../messages/components/MessagesPanel';
import { DocumentList } from './DocumentList';
import { ActivityPanel, ACTIVITY_PAGE_SIZE } from './ActivityPanel';
import { usePendingDeliveries } from './usePendingDeliveries';

type TabId = 'correspondentie' | 'documenten' | 'aangeleverd' | 'berichten' | 'activiteit';

const TABS: { id: TabId; label: MessageKey; category?: DocumentCategory }[] = [
  { id: 'correspondentie', label: 'dossier.tab.correspondence', category: 'CORRESPONDENCE' },
  { id: 'documenten', label: 'dossier.tab.documents', category: 'DOCUMENT' },
  { id: 'aangeleverd', label: 'dossier.tab.delivered', category: 'DELIVERED' },
  { id: 'berichten', label: 'dossier.tab.messages' },
  // TRL-1: who did what and when; no count.
  { id: 'activiteit', label: 'dossier.tab.activity' },
];

export const DOCUMENTS_PAGE_SIZE = 20;

/** The server marks a document read once it has served the download; the counts are asked for again after this. */
const RELOAD_COUNTS_AFTER_MS = 1500;

/**
 * ADV-1: in a dossier shared with the account only the documents, and "Berichten" (their own messages and a new one with
 * attachments) when the access includes delivering; the account's own dossiers have every tab.
 */
export function tabsFor(access: GrantScope | null) {
  if (access === null) return TABS;
  const shared: TabId[] = access === 'READ_DELIVER' ? ['documenten', 'berichten'] : ['documenten'];
  return TABS.filter((tab) => shared.includes(tab.id));
}

/**
 * DOS-5: four tabs with item and unread counts, and "Activiteit" (TRL-1); the selected tab is kept in the URL (`?tab=`).
 * `&document=<id>` (a link from Home) focuses that document once it is listed. `access`: what a dossier shared with the
 * account allows (null: the account's own dossier).
 */
export function DossierTabs({ dossierId, access = null }: { dossierId: string; access?: GrantScope | null }) {
  const { t, tp } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = tabsFor(access);
  const tabParam = searchParams.get('tab');
  const selected: TabId = tabs.find((tab) => tab.id === tabParam)?.id ?? tabs[0].id;
  // "Bij bericht: …" of a delivered file opens that message (`?tab=berichten&bericht=<id>`).
  const messageParam = selected === 'berichten' ? searchParams.get('bericht') : null;
  const documentParam = searchParams.get('document');
  const { counts, markOneRead, reload: reloadDocumentCounts } = useDocumentCounts(dossierId);
  const messageCounts = useMessageCounts(dossierId, tabs.some((tab) => tab.id === 'berichten'));
  const ownDeliveries = tabs.some((tab) => tab.id === 'aangeleverd');
  // MSG-6: what the client sends with a message is filed under "Door mij aangeleverd" moments later.
  const deliveries = usePendingDeliveries(counts?.DELIVERED?.total, reloadDocumentCounts);

  const select = (id: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', id);
    next.delete('bericht');
    next.delete('document');
    setSearchParams(next, { replace: true });
  };

  const current = tabs.find((tab) => tab.id === selected)!;
  const category = current.category;

  return (
    <section className="dossier-tabs" aria-label={t('dossier.tabs.label')}>
      <Tabs
        idPrefix="dossier"
        label={t('dossier.tabs.label')}
        selected={selected}
        onSelect={select}
        tabs={tabs.map((tab) => ({
          id: tab.id,
          label: (
            <TabLabel
              name={t(tab.label)}
              count={tab.category ? counts?.[tab.category] : tab.id === 'berichten' ? messageCounts.counts : undefined}
              pending={tab.category === 'DELIVERED' ? deliveries.pending : 0}
            />
          ),
        }))}
      >
        {category ? (
          <DocumentList
            key={`${dossierId}-${category}-${category === 'DELIVERED' ? deliveries.arrivals : 0}`}
            loadPage={(page, signal) => portalApi.documents(dossierId, category, page, DOCUMENTS_PAGE_SIZE, signal)}
            tabLabel={t(current.label)}
            onRead={() => markOneRead(category)}
            loadSubjects={category === 'DELIVERED' ? (ids, signal) => portalApi.messageSubjects(dossierId, ids, signal) : undefined}
            focusDocumentId={documentParam}
          />
        ) : selected === 'activiteit' ? (
          <ActivityPanel key={dossierId} loadPage={(page, signal) => portalApi.dossierActivity(dossierId, page, ACTIVITY_PAGE_SIZE, signal)} />
        ) : (
          <MessagesPanel
            key={dossierId}
            dossierId={dossierId}
            onRead={messageCounts.markOneRead}
            onOpened={messageCounts.reload}
            openMessageId={messageParam}
            replies={access === null}
            onSent={(message) => {
              messageCounts.reload();
              // MSG-6: the attachments the client sent are on their way to "Door mij aangeleverd" (a party's tab only).
              if (ownDeliveries) deliveries.expect(message.attachments.length);
              reloadDocumentCounts();
            }}
          />
        )}
      </Tabs>
      <p className="visually-hidden" role="status">
        {deliveries.announcement && tp(`dossier.delivered.${deliveries.announcement.kind}`, deliveries.announcement.count)}
      </p>
    </section>
  );
}

/**
 * Name, count and "n nieuw" badge; screen readers get ", 3 items, 1 ongelezen" instead of the bare figures. Files sent
 * and not filed yet show as "+2 wordt verwerkt".
 */
function TabLabel({ name, count, pending = 0 }: { name: string; count: { total: number; unread: number } | undefined; pending?: number }) {
  const { t } = useI18n();
  if (!count && pending === 0) return <span className="tab-name">{name}</span>;
  const { total, unread } = count ?? { total: 0, unread: 0 };
  return (
    <>
      <span className="tab-name">{name}</span>
      <span className="tab-count" aria-hidden="true">
        {total}
      </span>
      {unread > 0 && (
        <span className="badge badge-unread" aria-hidden="true">
          {t('dossier.tab.unreadBadge', { count: unread })}
        </span>
      )}
      {pending > 0 && (
        <span className="tab-pending" aria-hidden="true">
          {t('dossier.tab.pending', { count: pending })}
        </span>
      )}
      <span className="visually-hidden">
        , {t('dossier.tab.count', { total, unread })}
        {pending > 0 && `, ${t('dossier.tab.pendingLabel', { count: pending })}`}
      </span>
    </>
  );
}

/**
 * The tab counts of a dossier. markOneRead lowers a tab's unread count at once and confirms it with the server a little
 * later (one reload after the last of several quick downloads); the pending reload is cancelled on unmount.
 */
function useDocumentCounts(dossierId: string) {
  const loaded = useApi((signal) => portalApi.documentCounts(dossierId, signal), dossierId);
  const [counts, setCounts] = useState<DocumentCounts | undefined>();
  const [downloads, setDownloads] = useState(0);
  const reload = loaded.reload;

  useEffect(() => setCounts(loaded.data), [loaded.data]);

  useEffect(() => {
    if (downloads === 0) return;
    const timer = window.setTimeout(reload, RELOAD_COUNTS_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [downloads, reload]);

  const markOneRead = useCallback((category: DocumentCategory) => {
    setCounts((c) => {
      const entry = c?.[category];
      if (!entry) return c;
      return { ...c, [category]: { ...entry, unread: Math.max(0, entry.unread - 1) } };
    });
    setDownloads((n) => n + 1);
  }, []);

  return { counts, markOneRead, reload };
}

/**
 * The counts of the messages tab. markOneRead lowers the unread count at once when a message is opened; reload asks the
 * server again (after it has answered the opening, and after a message was sent).
 */
function useMessageCounts(dossierId: string, shown: boolean) {
  const loaded = useApi((signal) => portalApi.messageCounts(dossierId, signal), shown ? dossierId : null);
  const [counts, setCounts] = useState<MessageCounts | undefined>();

  useEffect(() => setCounts(loaded.data), [loaded.data]);

  const markOneRead = useCallback(() => setCounts((c) => (c ? { ...c, unread: Math.max(0, c.unread - 1) } : c)), []);

  return { counts, markOneRead, reload: loaded.reload };
}
