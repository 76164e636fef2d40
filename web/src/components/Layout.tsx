import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { csrfToken } from '../lib/api/client';
import { SIGN_OUT_URL } from '../lib/api/portalApi';
import type { Me } from '../lib/api/types';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';

function Brand({ home }: { home: string }) {
  const { t } = useI18n();
  return (
    <Link to={home} className="brand">
      <span className="brand-mark" aria-hidden="true">
        N
      </span>
      <span className="brand-text">
        <span className="brand-office">{t('app.office')}</span>
        <span className="brand-name">{t('app.name')}</span>
      </span>
    </Link>
  );
}

/** ONB-8: sign out from every page, as a form POST with the CSRF token. */
function SignOut() {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const onSubmit = (_e: FormEvent<HTMLFormElement>) => {
    // Read the cookie at submit time: it may have been (re)issued after the first render.
    if (input.current) input.current.value = csrfToken() ?? '';
  };
  return (
    <form method="post" action={SIGN_OUT_URL} className="sign-out" onSubmit={onSubmit}>
      <input ref={input} type="hidden" name="_csrf" defaultValue={csrfToken() ?? ''} />
      <button type="submit" className="button button-header">
        {t('nav.signOut')}
      </button>
    </form>
  );
}

function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

/** Moves focus to <main> after in-app navigation so screen readers start at the new content. */
function useFocusMainOnNavigate(main: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname, main]);
}

/** The dark header bar: the portal's name and, on the right, the tools of the page. */
function HeaderBar({ home = '/', children }: { home?: string; children: ReactNode }) {
  return (
    <div className="header-bar container">
      <Brand home={home} />
      <div className="header-tools">{children}</div>
    </div>
  );
}

/** One entry of the main menu; `end` when only the exact path marks it current. */
export interface NavItem {
  to: string;
  label: MessageKey;
  end?: boolean;
}

/** The client's menu. */
export const CLIENT_NAV: readonly NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/dossiers', label: 'nav.dossiers' },
  { to: '/acties', label: 'nav.actions' },
  { to: '/mijn-gegevens', label: 'nav.myDetails' },
];

/** The signed-in layout: header with the account, language and "Uitloggen", the menu of the area, the page. */
export function Layout({
  me,
  notice,
  nav = CLIENT_NAV,
  home = '/',
  children,
}: {
  me: Me;
  notice?: ReactNode;
  nav?: readonly NavItem[];
  home?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(main);
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <HeaderBar home={home}>
          <span className="user-name" title={t('nav.signedInAs', { name: me.name })}>
            <span className="visually-hidden">{t('nav.signedInAs', { name: '' })}</span>
            {me.name}
          </span>
          <LanguageSwitch />
          <SignOut />
        </HeaderBar>
        <nav className="main-nav" aria-label={t('nav.label')}>
          <ul className="container">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="container main">
        <div aria-live="polite" className="notice-region">
          {notice}
        </div>
        {children}
      </main>
      <Footer />
    </>
  );
}

export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <HeaderBar>
          <LanguageSwitch />
        </HeaderBar>
      </header>
      <main id="main" tabIndex={-1} className="container main">
        {children}
      </main>
      <Footer />
    </>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container">
        {t('app.office')} · {t('app.name')}
      </div>
    </footer>
  );
}
