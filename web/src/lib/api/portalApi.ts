// Every call of the portal's API, one typed function each; pages and components use these, never URLs.
// A new call is one line here: a GET takes an optional AbortSignal as its last parameter, so that
// `useApi((signal) => portalApi.x(arg, signal), key)` (or `useApi(portalApi.x)` without arguments) can cancel it.
import { api, csrfToken } from './client';
import { PAGE_SIZE, toApiQuery, type ListParams } from '../dossierParams';
import type { Lang } from '../../i18n/i18n';
import type {
  AccountView,
  ActionList,
  ActionsSummary,
  Assignment,
  DocumentCategory,
  DocumentCounts,
  Dossier,
  DossierListItem,
  DossierSummary,
  DossierStatusCounts,
  UnreadCounts,
  MessageSubject,
  InvitationState,
  Me,
  Message,
  MessageCounts,
  MessageWithBody,
  NewExtraAccount,
  NewMessage,
  NotificationChoices,
  Page,
  PageAnswers,
  PortalDocument,
  TwoFactorStatus,
  SignIns,
  NewClient,
  NewDossier,
  DossierChange,
  ProgressStepInput,
  StaffDossier,
  StaffDossierQuery,
  StaffAccountListItem,
  StaffAccountQuery,
  Upload,
  WorkItem,
  DossierWork,
  StaffDocument,
  StaffMessage,
  QuestionnaireSummary,
  StaffAssignment,
  NewAssignment,
  CompletedAnswers,
  DefinitionVersion,
  Home,
  ActivityEntry,
  Grant,
  NewGrant,
} from './types';

const segment = encodeURIComponent;

/** Where "Inloggen" and "Uitloggen" go: the gateway's sign-in and sign-out endpoints (full page loads, not fetch). */
export const SIGN_IN_URL = '/oauth2/authorization/keycloak';
export const SIGN_OUT_URL = '/logout';

// Account
/** The signed-in account; 401 (not signed in) is an answer here, not a lost session. */
export const me = (signal?: AbortSignal) => api.get<Me>('/api/me', { anonymousOk: true, signal });
/** Which e-mails the client wants (ME-3). */
export const notificationChoices = (signal?: AbortSignal) => api.get<NotificationChoices>('/api/me/notifications', { signal });
/** Saves the three choices at once; answers what was saved. */
export const saveNotificationChoices = (choices: NotificationChoices) =>
  api.put<NotificationChoices>('/api/me/notifications', choices);
/** The account's second factors (ME-2). */
export const twoFactor = (signal?: AbortSignal) => api.get<TwoFactorStatus>('/api/me/two-factor', { signal });
/** The account's last sign-ins and failed attempts, newest first (TRL-1). */
export const signIns = (signal?: AbortSignal) => api.get<SignIns>('/api/me/sign-ins', { signal });
/**
 * Where the browser goes for one of Keycloak's account pages (set up SMS, switch it off, an authenticator app, a
 * passkey, a new recovery code, remove a factor), coming back to `returnTo` with `?actie=success|cancelled|error`.
 */
export const accountActionUrl = (action: string, returnTo = '/mijn-gegevens') =>
  `/oauth2/authorization/keycloak?kc_action=${encodeURIComponent(action)}&return=${encodeURIComponent(returnTo)}`;
export const changeLanguage = (language: Lang) => api.put('/api/me/language', { language });
/** The account has seen "Mijn gegevens" after its first sign-in (ONB-4); 204. From now on signing in opens Home. */
export const markOnboarded = () => api.put('/api/me/onboarded', undefined);

// Company accounts (ME-4): only a company's main account may; anyone else gets 403.
export const extraAccounts = (signal?: AbortSignal) => api.get<AccountView[]>('/api/me/accounts', { signal });
export const extraAccount = (id: string, signal?: AbortSignal) => api.get<AccountView>(`/api/me/accounts/${segment(id)}`, { signal });
/** "Extra account toevoegen": 201 with the account, which gets the invitation e-mail; 400 with `errors[].field`; 409 when the address is in use. */
export const addExtraAccount = (account: NewExtraAccount) => api.post<AccountView>('/api/me/accounts', account);
/** Deletes an extra account; it loses access at once. 204. */
export const deleteExtraAccount = (id: string) => api.delete(`/api/me/accounts/${segment(id)}`);

// Invitation link of e-mail #1 (ONB-1, ONB-2, ONB-7), for people who are not signed in: 401 is never "session lost" here.
const invitationUrl = (token: string) => `/api/public/invitations/${segment(token)}`;
/** The link's own state (VALID, EXPIRED or USED); says nothing about addresses. */
export const invitationStatus = (token: string, signal?: AbortSignal) =>
  api.get<InvitationState>(invitationUrl(token), { anonymousOk: true, signal });
/**
 * The gateway checks the CSRF header on these POSTs too; it sets the XSRF-TOKEN cookie on any response, so the page's
 * status GET normally brought one. Should it be missing (cookie cleared meanwhile), one GET fetches it first.
 */
async function withCsrfCookie(token: string): Promise<void> {
  if (!csrfToken()) await invitationStatus(token).catch(() => undefined);
}
/** "Versturen": 202 {status}, the same whatever the address; EXPIRED/USED when the link no longer works. */
export const confirmInvitation = async (token: string, email: string) => {
  await withCsrfCookie(token);
  return api.post<InvitationState>(`${invitationUrl(token)}/confirm`, { email }, { anonymousOk: true });
};
/** "Stuur mij een nieuwe link" on an expired or used link: 202, the same whatever the address. */
export const renewInvitation = async (token: string, email: string) => {
  await withCsrfCookie(token);
  return api.post(`${invitationUrl(token)}/renew`, { email }, { anonymousOk: true });
};

// Dossiers
export const dossierSummary = (signal?: AbortSignal) => api.get<DossierSummary>('/api/dossiers/summary', { signal });
export const dossiers = (params: ListParams & { size?: number }, signal?: AbortSignal) =>
  api.get<Page<DossierListItem>>(`/api/dossiers?${toApiQuery(params, params.size ?? PAGE_SIZE)}`, { signal });
export const dossier = (id: string, signal?: AbortSignal) => api.get<Dossier>(`/api/dossiers/${segment(id)}`, { signal });
/** How many of the client's dossiers match the search, per status: the list tells of matches its filter hides. */
export const dossierStatusCounts = (query: string, signal?: AbortSignal) =>
  api.get<DossierStatusCounts>(`/api/dossiers/counts?${new URLSearchParams({ query })}`, { signal });
const dossierIdParams = (dossierIds: string[]) => new URLSearchParams(dossierIds.map((id) => ['dossierId', id]));
/** For a page of the dossier list (1..100 ids): per dossier the documents the signed-in account has not opened. */
export const unreadDocumentCounts = (dossierIds: string[], signal?: AbortSignal) =>
  api.get<UnreadCounts>(`/api/documents/unread-counts?${dossierIdParams(dossierIds)}`, { signal });
/** For a page of the dossier list (1..100 ids): per dossier the office's messages the signed-in account has not opened. */
export const unreadMessageCounts = (dossierIds: string[], signal?: AbortSignal) =>
  api.get<UnreadCounts>(`/api/messages/unread-counts?${dossierIdParams(dossierIds)}`, { signal });

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

// Messages
export const messageCounts = (dossierId: string, signal?: AbortSignal) =>
  api.get<MessageCounts>(`/api/dossiers/${segment(dossierId)}/messages/counts`, { signal });
/** One page (zero-based) of a dossier's messages, newest first. */
export const messages = (dossierId: string, page: number, size: number, signal?: AbortSignal) =>
  api.get<Page<Message>>(`/api/dossiers/${segment(dossierId)}/messages?${new URLSearchParams({ page: String(page), size: String(size) })}`, {
    signal,
  });
/** The subjects of some messages of a dossier (1..100 ids), e.g. those the delivered files came with; marks nothing read. */
export const messageSubjects = (dossierId: string, messageIds: string[], signal?: AbortSignal) =>
  api.get<MessageSubject[]>(
    `/api/dossiers/${segment(dossierId)}/messages/subjects?${new URLSearchParams(messageIds.map((id) => ['id', id]))}`,
    { signal },
  );
/** One message with its text; the server marks it read for the signed-in account. */
export const message = (messageId: string, signal?: AbortSignal) => api.get<MessageWithBody>(`/api/messages/${segment(messageId)}`, { signal });
/** "Versturen": 201 with the message; 400 with `errors[].field` (subject, body, uploads); 413 for too many files. */
export const sendMessage = (dossierId: string, newMessage: NewMessage) =>
  api.post<MessageWithBody>(`/api/dossiers/${segment(dossierId)}/messages`, newMessage);

// Uploads (attachments of a message)
/** The tus endpoint (resumable uploads, same origin through the gateway). */
export const TUS_ENDPOINT = '/api/uploads/tus';
/** What the server accepts per message; Uppy checks the same before uploading. */
export const UPLOAD_LIMITS = { maxFiles: 10, maxFileSize: 50 * 1024 * 1024, chunkSize: 5 * 1024 * 1024 } as const;
/** The upload id of a tus upload: the last path segment of its URL (the creation's Location). */
export function uploadIdFromUrl(uploadUrl: string): string | null {
  let path: string;
  try {
    path = new URL(uploadUrl, 'http://localhost').pathname;
  } catch {
    return null;
  }
  const last = path.split('/').filter(Boolean).at(-1);
  return last ? decodeURIComponent(last) : null;
}
/** The server's view of a finished upload (its file name as stored, size, type). */
export const upload = (uploadId: string, signal?: AbortSignal) => api.get<Upload>(`/api/uploads/${segment(uploadId)}`, { signal });
/** Removes an upload that is not sent yet (the trash bin). */
export const deleteUpload = (uploadId: string) => api.delete(`/api/uploads/${segment(uploadId)}`);

// Actions and questionnaires (ACT-1..5)
export const actionsSummary = (signal?: AbortSignal) => api.get<ActionsSummary>('/api/actions/summary', { signal });
/** The open questionnaires of the signed-in client ("Acties"). */
export const actions = (signal?: AbortSignal) => api.get<ActionList>('/api/actions', { signal });
const assignmentUrl = (assignmentId: string) => `/api/questionnaires/assignments/${segment(assignmentId)}`;
/** One questionnaire with its pages, saved answers and per-page JSON Schemas; 404 when it is not the client's. */
export const assignment = (assignmentId: string, signal?: AbortSignal) => api.get<Assignment>(assignmentUrl(assignmentId), { signal });
/**
 * "Volgende": saves one page's answers; 200 with the updated questionnaire (currentPageId moves on); 400 with
 * `errors[] {field, code, format?}` when the server refuses an answer.
 */
export const saveQuestionnairePage = (assignmentId: string, pageId: string, answers: PageAnswers) =>
  // keepalive: the page does not wait for this save, so signing out right after "Volgende" must not cut it off.
  api.put<Assignment>(`${assignmentUrl(assignmentId)}/pages/${segment(pageId)}`, { answers }, { keepalive: true });
/**
 * "Voltooien": 200 with the questionnaire COMPLETED and its PDF (`pdfDocumentId`, under "Door mij aangeleverd");
 * 400 with `errors[] {page, field, code}` when a page is incomplete.
 */
export const completeQuestionnaire = (assignmentId: string) => api.post<Assignment>(`${assignmentUrl(assignmentId)}/complete`, undefined);

// Home's lists (NEW-1) and a dossier's activity (TRL-1)
/** "Nieuw voor u" (unread, newest first) and "Wat wij van u nodig hebben" (soonest due first), at most 20 of each. */
export const home = (signal?: AbortSignal) => api.get<Home>('/api/home', { signal });
/** "Alles gezien": everything new so far counts as seen; 204. */
export const markAllSeen = () => api.post('/api/home/seen', undefined);
/** The client followed an item of "Nieuw voor u" (the app's own navigation: the call is not cut off); 204. */
export const markHomeItemSeen = (itemId: string) => api.post(`/api/home/items/${segment(itemId)}/seen`, undefined);
const activityQuery = (page: number, size: number) => new URLSearchParams({ page: String(page), size: String(size) });
/** One page (zero-based) of who did what in a dossier, newest first. */
export const dossierActivity = (dossierId: string, page: number, size: number, signal?: AbortSignal) =>
  api.get<Page<ActivityEntry>>(`/api/dossiers/${segment(dossierId)}/activity?${activityQuery(page, size)}`, { signal });

// Access for others (ADV-1): only a client who may grant (a party through their own account) sees or changes grants.
const grantsUrl = (dossierId: string) => `/api/dossiers/${segment(dossierId)}/grants`;
/** This dossier's grants, newest first, revoked and expired ones included; 404 for anyone who may not grant. */
export const listDossierGrants = (dossierId: string, signal?: AbortSignal) => api.get<Grant[]>(grantsUrl(dossierId), { signal });
/**
 * "Toegang geven": 201 with the grant (the person gets an e-mail, an invitation when they have no account yet); 400 with
 * `errors[].field` (email, name, scope, until); 409 when the address is a party or already has access; 403 when the office
 * does not allow sharing this dossier.
 */
export const createGrant = (dossierId: string, grant: NewGrant) => api.post<Grant>(grantsUrl(dossierId), grant);
/** "Inkorten": an earlier last day (YYYY-MM-DD, not before today); 400 on `until` otherwise; 404 for a revoked grant. */
export const shortenGrant = (dossierId: string, grantId: string, until: string) =>
  api.patch<Grant>(`${grantsUrl(dossierId)}/${segment(grantId)}`, { until });
/** "Intrekken": access ends at once; 204, also for a grant revoked already. */
export const revokeGrant = (dossierId: string, grantId: string) => api.delete(`${grantsUrl(dossierId)}/${segment(grantId)}`);
/** Every grant on every dossier the signed-in client may grant for ("Mijn gegevens" → "Toegang voor anderen"). */
export const listMyGrants = (signal?: AbortSignal) => api.get<Grant[]>('/api/grants', { signal });

// ---- Office (staff) calls: the workspace "Kantoor" (src/features/office/); every /api/staff route needs role staff.

// Dossiers
/** Query string of GET /api/staff/dossiers: text, statuses (none = all), sort, zero-based page. */
export function staffDossierQuery(q: StaffDossierQuery, size: number = PAGE_SIZE): string {
  const out = new URLSearchParams();
  if (q.query.trim()) out.set('query', q.query.trim());
  for (const status of q.statuses) out.append('status', status);
  out.set('sort', q.sort);
  out.set('page', String(Math.max(0, q.page)));
  out.set('size', String(size));
  return out.toString();
}
/** All dossiers of the office, found by number, description, a party's name or e-mail address. */
export const staffDossiers = (q: StaffDossierQuery, signal?: AbortSignal) =>
  api.get<Page<StaffDossier>>(`/api/staff/dossiers?${staffDossierQuery(q)}`, { signal });
export const staffDossier = (id: string, signal?: AbortSignal) => api.get<StaffDossier>(`/api/staff/dossiers/${segment(id)}`, { signal });
/** "Nieuw dossier": 201; 400 with `errors[].field`; 409 when the number is taken. */
export const createDossier = (dossier: NewDossier) => api.post<StaffDossier>('/api/staff/dossiers', dossier);
/** Description and/or status. */
export const changeDossier = (id: string, change: DossierChange) => api.patch<StaffDossier>(`/api/staff/dossiers/${segment(id)}`, change);
/** The whole list of parties (e-mail addresses): a party left out loses access at once. */
export const replaceParties = (id: string, parties: string[]) =>
  api.put<StaffDossier>(`/api/staff/dossiers/${segment(id)}/parties`, { parties });
/** The whole ordered list of steps; the server dates a step when it is first marked done. */
export const replaceProgress = (id: string, steps: ProgressStepInput[]) =>
  api.put<StaffDossier>(`/api/staff/dossiers/${segment(id)}/progress`, { steps });
/** The dossier's activity as the office sees it (same entries as the client's), newest first. */
export const staffDossierActivity = (dossierId: string, page: number, size: number, signal?: AbortSignal) =>
  api.get<Page<ActivityEntry>>(`/api/staff/dossiers/${segment(dossierId)}/activity?${activityQuery(page, size)}`, { signal });

/** Who else has access to the dossier besides its parties (ADV-1): every grant, newest first. */
export const listStaffDossierGrants = (dossierId: string, signal?: AbortSignal) =>
  api.get<Grant[]>(`/api/staff/dossiers/${segment(dossierId)}/grants`, { signal });
/** The office revokes a client's grant; 204. */
export const revokeStaffGrant = (dossierId: string, grantId: string) =>
  api.delete(`/api/staff/dossiers/${segment(dossierId)}/grants/${segment(grantId)}`);
/** Whether the parties may share the dossier; forbidding stops new grants (existing ones are revoked one by one). */
export const setGrantPolicy = (dossierId: string, grantsAllowed: boolean) =>
  api.put<{ grantsAllowed: boolean }>(`/api/staff/dossiers/${segment(dossierId)}/grant-policy`, { grantsAllowed });

// Accounts (clients)
/** "Cliënt uitnodigen": 201 with the account, which gets invitation e-mail #1; 400 with `errors[].field`; 409 when the address is in use. */
export const inviteClient = (client: NewClient) => api.post<AccountView>('/api/staff/accounts', client);
export const staffAccount = (id: string, signal?: AbortSignal) => api.get<AccountView>(`/api/staff/accounts/${segment(id)}`, { signal });
/** "Uitnodiging opnieuw versturen": 202; earlier links stop working; 409 once the password is set. */
export const resendInvitation = (id: string) => api.post<AccountView>(`/api/staff/accounts/${segment(id)}/invitation`, undefined);
/** Query string of GET /api/staff/accounts: text, states and types (none = all), a company, zero-based page. */
export function staffAccountQuery(q: StaffAccountQuery, size: number = PAGE_SIZE): string {
  const out = new URLSearchParams();
  if (q.query.trim()) out.set('query', q.query.trim());
  for (const state of q.states) out.append('state', state);
  for (const type of q.types) out.append('type', type);
  if (q.companyId.trim()) out.set('companyId', q.companyId.trim());
  out.set('page', String(Math.max(0, q.page)));
  out.set('size', String(size));
  return out.toString();
}
/** "Cliënten": every account, most recently changed first; 400 naming `state` or `type` for an unknown value. */
export const staffAccounts = (q: StaffAccountQuery, signal?: AbortSignal) =>
  api.get<Page<StaffAccountListItem>>(`/api/staff/accounts?${staffAccountQuery(q)}`, { signal });

// Questionnaire definitions (STF-5; the list and one version are under "Questionnaires of a dossier" below)
/**
 * "Nieuwe versie uploaden": the definition as the office wrote it (the server checks it); 201 with the stored version
 * (a known key gets its next version); 400 naming the place of the mistake in `errors[].field`
 * (`pages[1].questions[3].options`); 409 when another version of the key was stored at the same moment.
 */
export const uploadQuestionnaire = (definition: unknown) => api.post<DefinitionVersion>('/api/staff/questionnaires', definition);

// Werkvoorraad
/** What waits for the office, newest first, across all dossiers (one zero-based page). */
export const workQueue = (page: number, size: number, signal?: AbortSignal) =>
  api.get<Page<WorkItem>>(`/api/staff/work?${new URLSearchParams({ page: String(page), size: String(size) })}`, { signal });
/** For a page of the dossier list: per dossier the open client messages and deliveries (dossiers without are left out). */
export const workCounts = (dossierIds: string[], signal?: AbortSignal) =>
  api.get<DossierWork[]>(`/api/staff/work/counts?${new URLSearchParams(dossierIds.map((id) => ['dossierId', id]))}`, { signal });
/** "Afgehandeld": off the queue for every handler; 204, also when someone else was first. */
export const markWorkHandled = (id: string) => api.put(`/api/staff/work/${segment(id)}/handled`, undefined);

// Documents of a dossier (office)
/** One page of a dossier's documents of one category, newest first, with who opened each. */
export const staffDocuments = (dossierId: string, category: DocumentCategory, page: number, size: number, signal?: AbortSignal) =>
  api.get<Page<StaffDocument>>(
    `/api/staff/dossiers/${segment(dossierId)}/documents?${new URLSearchParams({ category, page: String(page), size: String(size) })}`,
    { signal },
  );
/** Publishes a finished tus upload as a document: 201; 400 on `uploadId`/`title`/`category`; 409 when it was used already. */
export const publishUpload = (dossierId: string, uploadId: string, title: string, category: 'CORRESPONDENCE' | 'DOCUMENT') =>
  api.post<StaffDocument>(`/api/staff/dossiers/${segment(dossierId)}/documents`, { uploadId, title, category });
/** For an <a href download>: any document of any dossier, for staff (not counted as read by a party). */
export const staffDocumentContentUrl = (documentId: string) => `/api/staff/documents/${segment(documentId)}/content`;

// Messages of a dossier (office)
export const staffMessages = (dossierId: string, page: number, size: number, signal?: AbortSignal) =>
  api.get<Page<StaffMessage>>(`/api/staff/dossiers/${segment(dossierId)}/messages?${new URLSearchParams({ page: String(page), size: String(size) })}`, {
    signal,
  });
/** The client sees that the office read their message. */
export const markMessageReadByOffice = (messageId: string) => api.put<StaffMessage>(`/api/staff/messages/${segment(messageId)}/read`, undefined);
/** A message to the dossier's parties (multipart, with files); 201; 400 with `errors[].field` (subject, body). */
export function sendOfficeMessage(dossierId: string, message: { subject: string; body: string; inReplyTo?: string; files: File[] }) {
  const form = new FormData();
  form.append('subject', message.subject);
  form.append('body', message.body);
  if (message.inReplyTo) form.append('inReplyTo', message.inReplyTo);
  for (const file of message.files) form.append('files', file, file.name);
  return api.post<StaffMessage>(`/api/staff/dossiers/${segment(dossierId)}/messages`, form);
}

// Questionnaires of a dossier (office)
export const questionnaireDefinitions = (signal?: AbortSignal) => api.get<QuestionnaireSummary[]>('/api/staff/questionnaires', { signal });
export const definitionVersion = (key: string, version: number, signal?: AbortSignal) =>
  api.get<DefinitionVersion>(`/api/staff/questionnaires/${segment(key)}/versions/${version}`, { signal });
export const staffAssignments = (dossierId: string, signal?: AbortSignal) =>
  api.get<StaffAssignment[]>(`/api/staff/dossiers/${segment(dossierId)}/questionnaires`, { signal });
/** "Vragenlijst versturen": 201; the recipient gets the e-mail; 400 with `errors[].field`. */
export const sendQuestionnaire = (dossierId: string, assignment: NewAssignment) =>
  api.post<StaffAssignment>(`/api/staff/dossiers/${segment(dossierId)}/questionnaires`, assignment);
/** 409 while the client has not completed it. */
export const completedAnswers = (assignmentId: string, signal?: AbortSignal) =>
  api.get<CompletedAnswers>(`/api/staff/assignments/${segment(assignmentId)}/answers`, { signal });
