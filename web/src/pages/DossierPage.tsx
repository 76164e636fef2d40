import { useCallback, useEffect, useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/I18nContext';
import { formatDate, formatFileSize, type MessageKey } from '../i18n/i18n';
import { ApiError } from '../lib/api';
import { useApi, usePageTitle } from '../lib/hooks';
import { progressCounts, progressLabel } from '../lib/progress';
import type { Dossier, DocumentCategory, DocumentCounts, Page, PortalDocument } from '../lib/types';
import { ErrorMessage, Loading } from '../components/Status';
import { StatusBadge } from '../components/StatusBadge';
import { Tabs } from '../components/Tabs';

type TabId = 'correspondentie' | 'documenten' | 'aangeleverd' | 'berichten';

const TABS: { id: TabId; label: MessageKey; category?: DocumentCategory }[] = [
  { id: 'correspondentie', label: 'dossier.tab.correspondence', category: 'CORRESPONDENCE' },
  { id: 'documenten', label: 'dossier.tab.documents', category: 'DOCUMENT' },
  { id: 'aangeleverd', label: 'dossier.tab.delivered', category: 'DELIVERED' },
  { id: 'berichten', label: 'dossier.tab.messages' },
];

function isTab(value: string | null): value is TabId {
  return TABS.some((tab) => tab.id === value);
}

/** DOS-3..5, DOC-1..4. */
export function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const dossierUrl = `/api/dossiers/${encodeURIComponent(id)}`;
  const dossier = useApi<Dossier>(dossierUrl);
  const notFound = dossier.error instanceof ApiError && dossier.error.status === 404;

  usePageTitle(
    notFound ? t('dossier.notFound') : dossier.data ? t('dossier.title', { number: dossier.data.number }) : t('dossiers.title'),
  );

  if (notFound) {
    return (
      <>
        <BackLink />
        <div className="card empty-state">
          <h1>{t('dossier.notFound')}</h1>
          <p>{t('dossier.notFound.hint')}</p>
          <p>
            <Link to="/dossiers">{t('dossier.back')}</Link>
          </p>
        </div>
      </>
    );
  }
  if (dossier.error !== undefined) {
    return (
      <>
        <BackLink />
        <h1>{t('dossiers.title')}</h1>
        <ErrorMessage error={dossier.error} onRetry={dossier.reload} />
      </>
    );
  }
  if (!dossier.data) return <Loading />;

  const d = dossier.data;
  return (
    <>
      <BackLink />
      <div className="dossier-head">
        <h1>{d.description}</h1>
        <dl className="facts">
          <div>
            <dt>{t('dossier.number')}</dt>
            <dd>{d.number}</dd>
          </div>
          <div>
            <dt>{t('dossier.status')}</dt>
            <dd>
              <StatusBadge status={d.status} />
            </dd>
          </div>
        </dl>
      </div>
      <Progress dossier={d} />
      <DossierTabs dossierId={d.id} />
    </>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <p className="back">
      <Link to="/dossiers">
        <span aria-hidden="true">←</span>
        {t('dossier.back')}
      </Link>
    </p>
  );
}

/** DOS-4: "Voortgang (x/y)", collapsed by default. */
function Progress({ dossier }: { dossier: Dossier }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const steps = dossier.progress?.steps ?? [];
  const { total } = progressCounts(dossier.progress);

  return (
    <section className="card progress" aria-labelledby={`${panelId}-h`}>
      <h2 id={`${panelId}-h`} className="progress-heading">
        <button type="button" className="disclosure" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          <span className="disclosure-icon" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {progressLabel(t('dossier.progress'), dossier.progress)}
        </button>
      </h2>
      <div id={panelId} hidden={!open}>
        {total === 0 || steps.length === 0 ? (
          <p className="muted">{t('dossier.progress.empty')}</p>
        ) : (
          <ol className="steps">
            {steps.map((step, index) => (
              <li key={index} className={step.done ? 'step step-done' : 'step'}>
                <span className="step-icon" aria-hidden="true">
                  {step.done ? '✓' : ''}
                </span>
                <span className="step-text">
                  <span className="step-title">{step.title}</span>
                  <span className="step-state">
                    {step.done
                      ? step.doneAt
                        ? t('dossier.progress.doneOn', { date: formatDate(step.doneAt, lang) })
                        : t('dossier.progress.done')
                      : t('dossier.progress.todo')}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

/** DOS-5: four tabs with item and unread counts. */
function DossierTabs({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabParam = searchParams.get('tab');
  const selected: TabId = isTab(tabParam) ? tabParam : 'correspondentie';
  const countsUrl = `/api/dossiers/${encodeURIComponent(dossierId)}/documents/counts`;
  const counts = useApi<DocumentCounts>(countsUrl);
  const [localCounts, setLocalCounts] = useState<DocumentCounts | undefined>();
  useEffect(() => setLocalCounts(counts.data), [counts.data]);

  const select = (id: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', id);
    setSearchParams(next, { replace: true });
  };

  const current = TABS.find((tab) => tab.id === selected)!;
  const reloadCounts = counts.reload;
  const onDownloaded = useCallback(
    (category: DocumentCategory) => {
      // Show the change at once, then confirm with the server once the download has been served.
      setLocalCounts((c) => {
        const entry = c?.[category];
        if (!entry) return c;
        return { ...c, [category]: { ...entry, unread: Math.max(0, entry.unread - 1) } };
      });
      window.setTimeout(reloadCounts, 1500);
    },
    [reloadCounts],
  );

  return (
    <section className="dossier-tabs" aria-label={t('dossier.tabs.label')}>
      <Tabs
        idPrefix="dossier"
        label={t('dossier.tabs.label')}
        selected={selected}
        onSelect={select}
        tabs={TABS.map((tab) => {
          const c = tab.category ? localCounts?.[tab.category] : { total: 0, unread: 0 };
          const total = c?.total ?? 0;
          const unread = c?.unread ?? 0;
          return {
            id: tab.id,
            label: (
              <>
                <span className="tab-name">{t(tab.label)}</span>
                {c && (
                  <>
                    <span className="tab-count" aria-hidden="true">
                      {total}
                    </span>
                    {unread > 0 && (
                      <span className="badge badge-unread" aria-hidden="true">
                        {t('dossier.tab.unreadBadge', { count: unread })}
                      </span>
                    )}
                    <span className="visually-hidden">, {t('dossier.tab.count', { total, unread })}</span>
                  </>
                )}
              </>
            ),
          };
        })}
      >
        {current.category ? (
          <DocumentList key={current.id} dossierId={dossierId} category={current.category} tabLabel={t(current.label)} onDownloaded={onDownloaded} />
        ) : (
          <p className="muted">{t('dossier.messages.empty')}</p>
        )}
      </Tabs>
    </section>
  );
}

function DocumentList({
  dossierId,
  category,
  tabLabel,
  onDownloaded,
}: {
  dossierId: string;
  category: DocumentCategory;
  tabLabel: string;
  onDownloaded: (category: DocumentCategory) => void;
}) {
  const { t, lang } = useI18n();
  const docs = useApi<Page<PortalDocument>>(
    `/api/dossiers/${encodeURIComponent(dossierId)}/documents?category=${category}&page=0&size=100`,
  );
  const [readIds, setReadIds] = useState<Set<string>>(new Set());

  if (docs.error !== undefined) return <ErrorMessage error={docs.error} onRetry={docs.reload} />;
  if (!docs.data) return <Loading />;
  if (docs.data.items.length === 0) return <p className="muted">{t('dossier.documents.empty')}</p>;

  const markRead = (doc: PortalDocument) => {
    if (doc.read || readIds.has(doc.id)) return;
    setReadIds((s) => new Set(s).add(doc.id));
    onDownloaded(category);
  };

  return (
    <ul className="documents" aria-label={t('dossier.documents.listLabel', { tab: tabLabel })}>
      {docs.data.items.map((doc) => {
        const unread = !doc.read && !readIds.has(doc.id);
        return (
          <li key={doc.id} className={unread ? 'document document-unread' : 'document'}>
            <span className="doc-icon" aria-hidden="true">
              <DocIcon />
            </span>
            <div className="doc-main">
              <p className="doc-title">
                {unread && <span className="badge badge-unread">{t('dossier.documents.unread')}</span>}
                <span>{doc.title}</span>
              </p>
              <p className="doc-meta">
                <span>
                  <span className="visually-hidden">{t('dossier.documents.published')} </span>
                  <time dateTime={doc.publishedAt}>{formatDate(doc.publishedAt, lang)}</time>
                </span>
                <span aria-hidden="true"> · </span>
                <span>
                  <span className="visually-hidden">{t('dossier.documents.size')} </span>
                  {formatFileSize(doc.size, lang)}
                </span>
              </p>
            </div>
            <a
              className="button button-secondary download"
              href={`/api/documents/${encodeURIComponent(doc.id)}/content`}
              download
              onClick={() => markRead(doc)}
            >
              <span aria-hidden="true">↓ </span>
              {t('dossier.documents.download')}
              <span className="visually-hidden"> {doc.title}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function DocIcon() {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5M9 13h6M9 17h6" />
    </svg>
  );
}
