// Every call of the portal's API, one typed function each; pages and components use these, never URLs.
// A new call is one line here: a GET takes an optional AbortSignal as its last parameter, so that
// `useApi((signal) => portalApi.x(arg, signal), key)` (or `useApi(portalApi.x)` without arguments) can cancel it.
import { api } from './api';
import { PAGE_SIZE, toApiQuery, type ListParams } from './dossierParams';
import type { Lang } from '../i18n/i18n';
import type {
  ActionsSummary,
  DocumentCategory,
  DocumentCounts,
  Dossier,
  DossierListItem,
  DossierSummary,
  Me,
  Page,
  PortalDocument,
} from './types';

const segment = encodeURIComponent;

/** Where "Inloggen" and "Uitloggen" go: the gateway's sign-in and sign-out endpoints (full page loads, not fetch). */
export const SIGN_IN_URL = '/oauth2/authorization/keycloak';
export const SIGN_OUT_URL = '/logout';

// Account
/** The signed-in account; 401 (not signed in) is an answer here, not a lost session. */
export const me = (signal?: AbortSignal) => api.get<Me>('/api/me', { anonymousOk: true, signal });
export const changeLanguage = (language: Lang) => api.put('/api/me/language', { language });

// Dossiers
export const dossierSummary = (signal?: AbortSignal) => api.get<DossierSummary>('/api/dossiers/summary', { signal });
export const dossiers = (params: ListParams & { size?: number }, signal?: AbortSignal) =>
  api.get<Page<DossierListItem>>(`/api/dossiers?${toApiQuery(params, params.size ?? PAGE_SIZE)}`, { signal });
export const dossier = (id: string, signal?: AbortSignal) => api.get<Dossier>(`/api/dossiers/${segment(id)}`, { signal });

// Documents
export const documentCounts = (dossierId: string, signal?: AbortSignal) =>
  api.get<DocumentCounts>(`/api/dossiers/${segment(dossierId)}/documents/counts`, { signal });
/** One page (zero-based) of a dossier's documents of one category, newest first; the API allows size 1..100. */
export const documents = (dossierId: string, category: DocumentCategory, page: number, size: number, signal?: AbortSignal) =>
  api.get<Page<PortalDocument>>(
    `/api/dossiers/${segment(dossierId)}/documents?${new URLSearchParams({ category, page: String(page), size: String(size) })}`,
    { signal },
  );
/** For an <a href download>: the browser fetches the content itself, with the session cookie. */
export const documentContentUrl = (documentId: string) => `/api/documents/${segment(documentId)}/content`;

// Actions
export const actionsSummary = (signal?: AbortSignal) => api.get<ActionsSummary>('/api/actions/summary', { signal });
