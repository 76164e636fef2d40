import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { matchRoutes, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiError, onUnauthorized } from '../lib/api/client';
import * as portalApi from '../lib/api/portalApi';
import { STAFF_ROLE, type Me } from '../lib/api/types';
import { DEFAULT_LANG, toLang, type Lang } from '../i18n/i18n';
import { I18nContext, makeI18n } from '../i18n/I18nContext';
import { ADVISER_NAV, CLIENT_NAV, Layout, PublicLayout } from '../components/Layout';
import { isAdviser } from '../lib/access';
import { ErrorMessage, Loading } from '../components/Status';
import { WelcomePage } from '../features/onboarding/WelcomePage';
import { HomePage } from '../features/home/HomePage';
import { DossiersPage } from '../features/dossiers/DossiersPage';
import { DossierPage } from '../features/dossiers/DossierPage';
import { ActionsPage } from '../features/questionnaires/ActionsPage';
import { MyDetailsPage } from '../features/my-details/MyDetailsPage';
import { NotFoundPage } from './NotFoundPage';
import { NoAccessPage } from './NoAccessPage';
import { OFFICE_HOME } from '../features/office/paths';
import { ActivateAccountPage } from '../features/onboarding/ActivateAccountPage';

/** The office workspace (staff only): its own chunk, never loaded for clients. */
const OfficeApp = lazy(() => import('../features/office/OfficeApp'));

/** Filling in a questionnaire: its own chunk, loaded when a questionnaire is opened. */
const QuestionnairePage = lazy(() => import('../features/questionnaires/QuestionnairePage'));

type Auth =
  | { state: 'loading' }
  | { state: 'anonymous' }
  | { state: 'failed'; error: unknown }
  | { state: 'signedIn'; me: Me };

const STORED_LANG = 'portal.language';

/** Where the first sign-in goes instead of Home (ONB-4). */
export const MY_DETAILS_PATH = '/mijn-gegevens';

/**
 * Pages for people who are not signed in (the links in e-mails): shown in the public layout whatever the sign-in state,
 * so that someone who happens to be signed in still reaches them. Everything else needs a session.
 */
const PUBLIC_ROUTES = [{ path: '/account-activeren/:token', element: <ActivateAccountPage /> }];

function storedLang(): Lang {
  try {
    return toLang(window.localStorage.getItem(STORED_LANG) ?? DEFAULT_LANG);
  } catch {
    return DEFAULT_LANG;
  }
}

function storeLang(lang: Lang) {
  try {
    window.localStorage.setItem(STORED_LANG, lang);
  } catch {
    /* private mode: the welcome page simply falls back to Dutch */
  }
}

export function App() {
  const [auth, setAuth] = useState<Auth>({ state: 'loading' });
  const [lang, setLangState] = useState<Lang>(storedLang);
  const [languageError, setLanguageError] = useState(false);

  const [meAttempt, setMeAttempt] = useState(0);
  const location = useLocation();
  const navigate = useNavigate();
  const onPublicPage = matchRoutes(PUBLIC_ROUTES, location) !== null;
  // Where the visitor is when the account arrives (read in the promise callback, not a dependency of the effect).
  const pathname = useRef(location.pathname);
  useEffect(() => {
    pathname.current = location.pathname;
  }, [location.pathname]);

  useEffect(() => {
    const controller = new AbortController();
    portalApi.me(controller.signal).then(
      (me) => {
        if (controller.signal.aborted) return;
        const userLang = toLang(me.language);
        setLangState(userLang);
        storeLang(userLang);
        // ONB-4: the first sign-in lands on "Mijn gegevens" instead of Home; a deep link keeps its target.
        if (me.firstSignIn && pathname.current === '/') navigate(MY_DETAILS_PATH, { replace: true });
        setAuth({ state: 'signedIn', me });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAuth(error instanceof ApiError && error.status === 401 ? { state: 'anonymous' } : { state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [meAttempt]);

  const retryMe = useCallback(() => {
    setAuth({ state: 'loading' });
    setMeAttempt((n) => n + 1);
  }, []);

  // A 401 during use means the session is gone: back to the sign-in page.
  useEffect(() => onUnauthorized(() => setAuth({ state: 'anonymous' })), []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const signedIn = auth.state === 'signedIn';
  const setLang = useCallback(
    (next: Lang) => {
      const previous = lang;
      setLangState(next);
      storeLang(next);
      setLanguageError(false);
      if (!signedIn) return;
      // ME-1 expected behaviour: apply at once, and remember it for e-mails and the next visit.
      portalApi.changeLanguage(next).then(
        () => setAuth((a) => (a.state === 'signedIn' ? { ...a, me: { ...a.me, language: next } } : a)),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) return;
          setLangState(previous);
          storeLang(previous);
          setLanguageError(true);
        },
      );
    },
    [lang, signedIn],
  );

  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);

  // ONB-4: the first time "Mijn gegevens" is shown, it welcomes the client and the server hears it was seen (once), so
  // that the next sign-in opens Home. The note stays until the client goes elsewhere.
  const firstSignIn = auth.state === 'signedIn' && auth.me.firstSignIn === true;
  const onMyDetails = location.pathname === MY_DETAILS_PATH;
  const [welcomeDone, setWelcomeDone] = useState(false);
  const onboardedSent = useRef(false);
  const welcome = firstSignIn && onMyDetails && !welcomeDone;
  useEffect(() => {
    if (!welcome || onboardedSent.current) return;
    onboardedSent.current = true;
    portalApi.markOnboarded().catch(() => undefined);
  }, [welcome]);
  useEffect(() => {
    if (onboardedSent.current && !onMyDetails) setWelcomeDone(true);
  }, [onMyDetails]);

  let content;
  if (onPublicPage) {
    content = (
      <PublicLayout>
        <Routes>
          {PUBLIC_ROUTES.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
        </Routes>
      </PublicLayout>
    );
  } else if (auth.state === 'loading') {
    content = (
      <PublicLayout>
        <Loading />
      </PublicLayout>
    );
  } else if (auth.state === 'anonymous') {
    content = <WelcomePage />;
  } else if (auth.state === 'failed') {
    content = (
      <PublicLayout>
        <ErrorMessage error={auth.error} onRetry={retryMe} />
      </PublicLayout>
    );
  } else if (auth.me.roles.includes(STAFF_ROLE)) {
    // Staff are no party to dossiers: they get the workspace, whatever path they came in on.
    content = (
      <Suspense
        fallback={
          <PublicLayout>
            <Loading />
          </PublicLayout>
        }
      >
        <OfficeApp me={auth.me} />
      </Suspense>
    );
  } else {
    const me = auth.me;
    // ADV-1: an adviser has no questionnaires; "/acties" is no page for them.
    const adviser = isAdviser(me);
    content = (
      <Layout
        me={me}
        nav={adviser ? ADVISER_NAV : CLIENT_NAV}
        // "Mijn gegevens" has its own language control ("Taal"): the header's switch would be a second one there.
        languageSwitch={!onMyDetails}
        notice={
          languageError ? (
            <p className="alert alert-error" role="alert">
              {i18n.t('language.saveFailed')}
            </p>
          ) : null
        }
      >
        <Routes>
          <Route path="/" element={<HomePage me={me} />} />
          <Route path="/dossiers" element={<DossiersPage />} />
          <Route path="/dossiers/:id" element={<DossierPage me={me} />} />
          {!adviser && <Route path="/acties" element={<ActionsPage />} />}
          {!adviser && (
            <Route
              path="/acties/:assignmentId"
              element={
                <Suspense fallback={<Loading />}>
                  <QuestionnairePage />
                </Suspense>
              }
            />
          )}
          <Route path={MY_DETAILS_PATH} element={<MyDetailsPage me={me} welcome={welcome} />} />
          <Route path={`${OFFICE_HOME}/*`} element={<NoAccessPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Layout>
    );
  }

  return <I18nContext.Provider value={i18n}>{content}</I18nContext.Provider>;
}
