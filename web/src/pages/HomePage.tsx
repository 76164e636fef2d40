import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nContext';
import { formatNumber } from '../i18n/i18n';
import { useApi, usePageTitle } from '../lib/hooks';
import type { ActionsSummary, DossierSummary, Me } from '../lib/types';

/** HOME-1..4: three tiles. */
export function HomePage({ me }: { me: Me }) {
  const { t, tp, lang } = useI18n();
  usePageTitle(t('home.title'));
  const dossiers = useApi<DossierSummary>('/api/dossiers/summary');
  const actions = useApi<ActionsSummary>('/api/actions/summary');
  const busy = dossiers.loading || actions.loading;

  const open = actions.data?.open;
  const actionsFailed = !actions.loading && (actions.error !== undefined || typeof open !== 'number');

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro', { name: me.name })}</p>
      <p className="visually-hidden" role="status">
        {busy ? t('app.loading') : ''}
      </p>
      <ul className="tiles">
        <li>
          <Link to="/dossiers" className="tile" data-testid="tile-dossiers">
            <span className="tile-icon" aria-hidden="true">
              <FolderIcon />
            </span>
            <span className="tile-title">{t('home.tile.dossiers')}</span>
            <span className="tile-body">
              {dossiers.data ? (
                <>
                  <span className="tile-figure">
                    {t('home.tile.dossiers.inProgress', { count: formatNumber(dossiers.data.inProgress, lang) })}
                  </span>
                  <span className="tile-sub">{t('home.tile.dossiers.total', { count: formatNumber(dossiers.data.total, lang) })}</span>
                </>
              ) : (
                <span className="tile-sub">{dossiers.error ? '–' : '…'}</span>
              )}
            </span>
          </Link>
        </li>
        <li>
          <Link to="/acties" className="tile" data-testid="tile-actions">
            <span className="tile-icon" aria-hidden="true">
              <ListIcon />
            </span>
            <span className="tile-title">{t('home.tile.actions')}</span>
            <span className="tile-body">
              {actionsFailed ? (
                <>
                  <span className="tile-figure" aria-hidden="true">
                    –
                  </span>
                  <span className="tile-sub">{t('home.tile.actions.unknown')}</span>
                </>
              ) : typeof open === 'number' ? (
                <>
                  <span className="tile-figure">{formatNumber(open, lang)}</span>
                  <span className="tile-sub">
                    {open === 0 ? t('home.tile.actions.none') : tp('home.tile.actions.open', open)}
                  </span>
                </>
              ) : (
                <span className="tile-sub">…</span>
              )}
            </span>
          </Link>
        </li>
        <li>
          <Link to="/mijn-gegevens" className="tile" data-testid="tile-my-details">
            <span className="tile-icon" aria-hidden="true">
              <PersonIcon />
            </span>
            <span className="tile-title">{t('home.tile.myDetails')}</span>
            <span className="tile-body">
              <span className="tile-sub">{t('home.tile.myDetails.description')}</span>
            </span>
          </Link>
        </li>
      </ul>
    </>
  );
}

const iconProps = { width: 28, height: 28, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

function FolderIcon() {
  return (
    <svg {...iconProps}>
      <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9A1.5 1.5 0 0 1 19.5 19h-15A1.5 1.5 0 0 1 3 17.5z" />
    </svg>
  );
}

function ListIcon() {
  return (
    <svg {...iconProps}>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <path d="m3.5 6 1 1 2-2M3.5 12l1 1 2-2M3.5 18l1 1 2-2" />
    </svg>
  );
}

function PersonIcon() {
  return (
    <svg {...iconProps}>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 20c1.5-4 4.5-6 8-6s6.5 2 8 6" />
    </svg>
  );
}
