import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDate, formatFileSize } from '../../../i18n/i18n';
import * as portalApi from '../../../lib/api/portalApi';
import type { PortalDocument } from '../../../lib/api/types';

/** Where "Bij bericht: …" goes: the Berichten tab of the same dossier, with that message opened. */
export function messageLink(messageId: string): string {
  return `?${new URLSearchParams({ tab: 'berichten', bericht: messageId })}`;
}

/**
 * One document in a tab: title (bold with an "Ongelezen" badge while unread), date, size and a download link; a file
 * delivered with a message names that message ("Bij bericht: <onderwerp>", a link to it; its subject once known).
 */
export function DocumentItem({
  document,
  unread,
  onDownload,
  messageSubject,
}: {
  document: PortalDocument;
  unread: boolean;
  onDownload: () => void;
  messageSubject?: string;
}) {
  const { t, lang } = useI18n();
  return (
    <li className={unread ? 'document document-unread' : 'document'}>
      <span className="doc-icon" aria-hidden="true">
        <DocIcon />
      </span>
      <div className="doc-main">
        <p className="doc-title">
          {unread && <span className="badge badge-unread">{t('dossier.documents.unread')}</span>}
          <span>{document.title}</span>
        </p>
        <p className="doc-meta">
          <span>
            <span className="visually-hidden">{t('dossier.documents.published')} </span>
            <time dateTime={document.publishedAt}>{formatDate(document.publishedAt, lang)}</time>
          </span>
          <span aria-hidden="true"> · </span>
          <span>
            <span className="visually-hidden">{t('dossier.documents.size')} </span>
            {formatFileSize(document.size, lang)}
          </span>
        </p>
        {document.messageId && (
          <p className="doc-message">
            <Link to={messageLink(document.messageId)}>
              {messageSubject !== undefined ? t('dossier.documents.message', { subject: messageSubject }) : t('dossier.documents.messageUnknown')}
            </Link>
          </p>
        )}
      </div>
      <a className="button button-secondary download" href={portalApi.documentContentUrl(document.id)} download onClick={onDownload}>
        <span aria-hidden="true">↓ </span>
        {t('dossier.documents.download')}
        <span className="visually-hidden"> {document.title}</span>
      </a>
    </li>
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
