import { useId } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatFileSize } from '../../../i18n/i18n';
import { usePagedApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { DocumentCategory, StaffDocument, StaffDossier } from '../../../lib/api/types';
import { DateTime } from '../../../components/DateTime';
import { ErrorMessage, Loading } from '../../../components/Status';

const PAGE = 20;

/** One category of a dossier's documents for the office: download, and who of the parties opened each (and when). */
export function StaffDocumentList({
  dossier,
  category,
  heading,
  round = 0,
}: {
  dossier: StaffDossier;
  category: DocumentCategory;
  heading: string;
  round?: number;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const list = usePagedApi((page, signal) => portalApi.staffDocuments(dossier.id, category, page, PAGE, signal), `${dossier.id}:${category}:${round}`);
  const nameOf = (accountId: string) => dossier.partyDetails.find((p) => p.accountId === accountId)?.name ?? t('office.work.someone');

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      {list.error !== undefined && <ErrorMessage error={list.error} onRetry={list.loadMore} />}
      {list.totalItems === undefined && list.error === undefined ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <p className="muted">{t('office.documents.none')}</p>
      ) : (
        <ul className="office-documents">
          {list.items.map((doc: StaffDocument) => (
            <li key={doc.id}>
              <a href={portalApi.staffDocumentContentUrl(doc.id)} download className="document-title">
                {doc.title}
              </a>
              <span className="muted">
                {doc.fileName} · {formatFileSize(doc.size, lang)} · <DateTime value={doc.publishedAt} />
              </span>
              <span className="read-by">
                {doc.readBy.length === 0
                  ? t('office.documents.unread')
                  : doc.readBy.map((r, i) => (
                      <span key={r.accountId}>
                        {i > 0 && ', '}
                        {t('office.documents.readBy', { name: nameOf(r.accountId) })} <DateTime value={r.readAt} />
                      </span>
                    ))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.hasMore && (
        <button type="button" className="button button-secondary" disabled={list.loading} onClick={list.loadMore}>
          {t('office.work.more')}
        </button>
      )}
    </section>
  );
}
