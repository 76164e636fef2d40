import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { csrfToken } from '../lib/api/client';
import { SIGN_OUT_URL } from '../lib/api/portalApi';
import type { Me } from '../lib/api/types';
import { useI18n } from '../i18n/I18nContext';
import { LanguageSwitch } from './LanguageSwitch';

function Brand() {
  const { t } = useI18n();
  return (
    <Link to="/" className="brand">
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
function HeaderBar({ children }: { children: ReactNode }) {
  return (
    <div className="header-bar container">
      <Brand />
      <div className="header-tools">{children}</div>
    </div>
  );
}

export function Layout({ me, notice, children }: { me: Me; notice?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(main);
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <HeaderBar>
          <span className="user-name" title={t('nav.signedInAs', { name: me.name })}>
            <span className="visually-hidden">{t('nav.signedInAs', { name: '' })}</span>
            {me.name}
          </span>
          <LanguageSwitch />
          <SignOut />
        </HeaderBar>
        <nav className="main-nav" aria-label={t('nav.label')}>
          <ul className="container">
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/dossiers">{t('nav.dossiers')}</NavLink>
            </li>
            <li>
              <NavLink to="/acties">{t('nav.actions')}</NavLink>
            </li>
            <li>
              <NavLink to="/mijn-gegevens">{t('nav.myDetails')}</NavLink>
            </li>
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
