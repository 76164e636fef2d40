import { useI18n } from '../../../i18n/I18nContext';
import { formatDate, formatRelativeTime, type MessageKey } from '../../../i18n/i18n';
import type { Grant } from '../../../lib/api/types';
import { DeleteIcon } from '../../my-details/components/icons';
import { shorterDays } from '../grantDates';
import { GrantStateBadge } from './GrantStateBadge';

/**
 * One grant: who (name, e-mail address), the dossier (where the list spans several), what they may do, until when,
 * when they last used it, its state; a live grant has "Inkorten" (while an earlier day is left) and "Intrekken".
 */
export function GrantItem({
  grant,
  showDossier,
  showGrantedBy,
  onShorten,
  onRevoke,
}: {
  grant: Grant;
  showDossier: boolean;
  showGrantedBy: boolean;
  onShorten?: (grant: Grant) => void;
  onRevoke: (grant: Grant) => void;
}) {
  const { t, lang } = useI18n();
  const live = grant.state === 'ACTIVE';
  const canShorten = live && onShorten !== undefined && shorterDays(grant.until) !== null;
  // The visible word first in each button's name (WCAG 2.5.3), then whose access in which dossier.
  const actionLabel = (action: MessageKey) => t('grants.actionLabel', { action: t(action), name: grant.name, number: grant.dossierNumber });
  const facts = [
    showDossier ? t('grants.dossier', { number: grant.dossierNumber }) : null,
    t(`grants.scope.${grant.scope}` as MessageKey),
    t('grants.until', { date: formatDate(grant.until, lang) }),
    t('grants.lastUsed', { when: grant.lastUsedAt ? formatRelativeTime(grant.lastUsedAt, lang) : t('grants.lastUsed.never') }),
  ].filter((fact): fact is string => fact !== null);

  return (
    <li className={live ? 'grant' : 'grant grant-ended'}>
      <div className="grant-main">
        <p className="grant-who">
          <span className="grant-name">{grant.name}</span>
          <span className="grant-email">{grant.email}</span>
        </p>
        <p className="grant-facts">
          {facts.map((fact, index) => (
            <span key={fact}>
              {index > 0 && <span aria-hidden="true"> · </span>}
              {fact}
            </span>
          ))}
        </p>
        {showGrantedBy && <p className="grant-by">{t('grants.grantedBy', { name: grant.grantedBy, date: formatDate(grant.grantedAt, lang) })}</p>}
      </div>
      <GrantStateBadge state={grant.state} />
      {live && (
        <span className="row-actions grant-actions">
          {canShorten && (
            <button
              type="button"
              className="button button-secondary button-small"
              aria-haspopup="dialog"
              aria-label={actionLabel('grants.shorten')}
              onClick={() => onShorten?.(grant)}
            >
              {t('grants.shorten')}
            </button>
          )}
          <button
            type="button"
            className="button button-danger-outline button-small"
            aria-haspopup="dialog"
            aria-label={actionLabel('grants.revoke')}
            onClick={() => onRevoke(grant)}
          >
            <DeleteIcon />
            {t('grants.revoke')}
          </button>
        </span>
      )}
    </li>
  );
}
