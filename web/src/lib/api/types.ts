export type DossierStatus = 'IN_PROGRESS' | 'ON_HOLD' | 'COMPLETED' | 'CANCELLED';
export const DOSSIER_STATUSES: readonly DossierStatus[] = ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED'];

/** ADVISER: someone a client let into one or more dossiers for a while (ADV-1); they see only those dossiers. */
export type AccountType = 'PERSON' | 'COMPANY_MAIN' | 'COMPANY_EXTRA' | 'ADVISER';

/** A second factor the account has in Keycloak (GET /api/me/two-factor). */
export interface SecondFactor {
  id: string;
  label: string | null;
  /** ISO date-time. */
  since: string | null;
}

/** Two-step verification (ME-2): which second factors are on; setting up and switching off happen on Keycloak's pages. */
export interface TwoFactorStatus {
  /** Null when SMS verification is off; the number is masked ("+31 6 •••• ••78"). */
  sms: { phoneNumber: string; since: string | null } | null;
  authenticatorApps: SecondFactor[];
  passkeys: SecondFactor[];
  /** Whether a recovery code ("herstelcode") is set. */
  recoveryCode: boolean;
}

/** Which e-mails the client wants (ME-3); onboarding and password e-mails are always sent. */
export interface NotificationChoices {
  documents: boolean;
  questionnaires: boolean;
  messages: boolean;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  roles: string[];
  language: string;
  accountType: AccountType;
  companyId?: string | null;
  companyName?: string | null;
  /** The phone number the office recorded; null when not known. */
  phone?: string | null;
  /** True until the account has seen "Mijn gegevens" once (ONB-4): the first sign-in opens it instead of Home. */
  firstSignIn?: boolean;
}

/** The role of a company's main account: it manages the company's extra accounts (ME-4). */
export const COMPANY_ADMIN_ROLE = 'company-admin';
/** Office staff: the workspace "Kantoor" instead of the client's pages. */
export const STAFF_ROLE = 'staff';

/** The state of an invitation link (e-mail #1): only the link's own state, nothing about the address (ONB-2, ONB-7). */
export type InvitationStatus = 'VALID' | 'EXPIRED' | 'USED';

export interface InvitationState {
  status: InvitationStatus;
}

export type AccountState = 'INVITED' | 'ACTIVE' | 'BLOCKED' | 'REMOVED';

/** An account as a company's main account sees its extra accounts (GET /api/me/accounts). */
export interface AccountView {
  id: string;
  type: AccountType;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  companyId: string | null;
  companyName: string | null;
  language: string | null;
  phone: string | null;
  state: AccountState;
  /** ISO date-time. */
  invitedAt: string | null;
  /** ISO date-time; null until the password is set. */
  activatedAt: string | null;
}

/** What "Extra account toevoegen" posts; the language defaults to the main account's. */
export interface NewExtraAccount {
  firstName: string;
  lastName: string;
  email: string;
  language?: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

export interface DossierListItem {
  id: string;
  number: string;
  description: string;
  status: DossierStatus;
  /** ISO date-time: the last thing the client could see happen in it (a change, a document, a message, a questionnaire). */
  lastActivityAt?: string | null;
  /** ADV-1, a dossier a client shared with the signed-in account: the client's name; absent for the account's own dossiers. */
  sharedBy?: string | null;
  /** YYYY-MM-DD: the last day of the shared access. */
  sharedUntil?: string | null;
  /** What the shared access allows; absent for the account's own dossiers. */
  access?: GrantScope | null;
}

/** The order of the client's dossier list: by number (newest first, the default) or by last activity. */
export type DossierSort = 'number' | 'lastActivity';

/** GET /api/dossiers/counts?query=: how many of the client's dossiers match, per status (statuses without a match are absent). */
export type DossierStatusCounts = Partial<Record<DossierStatus, number>>;

/** Per dossier id of a list page, how many items the signed-in account has not opened (dossiers it may not see are absent). */
export type UnreadCounts = Record<string, number>;

export interface DossierSummary {
  inProgress: number;
  total: number;
  statuses: DossierStatus[];
}

export interface ProgressStep {
  /** "s-3f2a9c1b"; sent back when the office saves the list, so that the step keeps its request and dates. */
  id?: string;
  title: string;
  done: boolean;
  doneAt?: string | null;
  /** What the step means for the client (at most 500 characters). */
  explanation?: string | null;
  /** YYYY-MM-DD. */
  plannedDate?: string | null;
  /** What the office needs from the client for this step. */
  request?: StepRequest | null;
}

export interface Dossier extends DossierListItem {
  progress?: { done: number; total: number; steps: ProgressStep[] } | null;
}

// ---- Issue 22: what the office asks for in a step (NEW-2), Home's lists (NEW-1) and a dossier's activity (TRL-1)

interface StepRequestState {
  /** YYYY-MM-DD, or null when the office set no date. */
  dueDate: string | null;
  /** ISO date-time once the client delivered the document or completed the questionnaire. */
  fulfilledAt: string | null;
  /** Staff only: who fulfilled it ("Anna de Vries"). */
  fulfilledBy?: string | null;
  /** Staff only: the message the document came with. */
  fulfilledMessageId?: string | null;
}

/** A named document to deliver (fulfilled by a message with a file and `requestId`), or a questionnaire to complete. */
export type StepRequest =
  | ({ kind: 'DOCUMENT'; name: string } & StepRequestState)
  | ({ kind: 'QUESTIONNAIRE'; assignmentId: string } & StepRequestState);

/** What the office's progress editor sends per step as its request. */
export type StepRequestInput =
  | { kind: 'DOCUMENT'; name: string; dueDate?: string }
  | { kind: 'QUESTIONNAIRE'; assignmentId: string; dueDate?: string };

export type HomeNewKind = 'DOCUMENT' | 'MESSAGE' | 'STEP_DONE' | 'QUESTIONNAIRE';

/** Something new for the client ("Nieuw voor u"), unread; `id` is "document:<id>", "message:<id>", "step:<dossierId>:<stepId>" or "questionnaire:<assignmentId>". */
export interface HomeNewItem {
  id: string;
  kind: HomeNewKind | string;
  dossierId: string;
  dossierNumber: string;
  /** ISO date-time. */
  at: string;
  documentId?: string;
  category?: DocumentCategory | string;
  messageId?: string;
  stepTitle?: string;
  assignmentId?: string;
}

export type HomeNeededKind = 'DOCUMENT_REQUEST' | 'QUESTIONNAIRE';

/** Something the office needs from the client ("Wat wij van u nodig hebben"); `id` is "request:<dossierId>:<stepId>" or "questionnaire:<assignmentId>". */
export interface HomeNeededItem {
  id: string;
  kind: HomeNeededKind | string;
  dossierId: string;
  dossierNumber: string;
  /** YYYY-MM-DD, or null. */
  dueDate: string | null;
  /** DOCUMENT_REQUEST: what to deliver ("Kopie paspoort"). */
  name?: string;
  stepId?: string;
  stepTitle?: string;
  assignmentId?: string;
}

/** GET /api/home: at most 20 of each; `total` counts them all. */
export interface Home {
  newForYou: { items: HomeNewItem[]; total: number };
  neededFromYou: { items: HomeNeededItem[]; total: number };
}

export type ActivityKind =
  | 'DOSSIER_CREATED'
  | 'STATUS_CHANGED'
  | 'DETAILS_CHANGED'
  | 'PARTIES_CHANGED'
  | 'PROGRESS_CHANGED'
  | 'DOCUMENT_PUBLISHED'
  | 'DOCUMENT_OPENED'
  | 'DOCUMENT_DELIVERED'
  | 'MESSAGE_SENT'
  | 'MESSAGE_READ'
  | 'QUESTIONNAIRE_SENT'
  | 'QUESTIONNAIRE_COMPLETED'
  | 'REQUEST_FULFILLED'
  | 'GRANTED'
  | 'REVOKED'
  | 'USED';

/** One line of a dossier's activity (GET /api/dossiers/{id}/activity, newest first). */
export interface ActivityEntry {
  id: string;
  /** ISO date-time. */
  at: string;
  kind: ActivityKind | string;
  actor: { side: 'OFFICE' | 'CLIENT' | string; name: string | null };
  objectId: string | null;
  /** STATUS_CHANGED: the new status. */
  status?: DossierStatus | string;
  partiesAdded?: string[];
  partiesRemoved?: string[];
  /** REQUEST_FULFILLED: what was delivered ("Kopie paspoort"); GRANTED, REVOKED, USED: the adviser's name. */
  name?: string;
}

// ---- end of issue 22's block

// ---- ADV-1: a client lets someone else (an adviser) into one dossier, for a while

/** READ: documents and progress; READ_DELIVER: also messages with attachments to the office. */
export type GrantScope = 'READ' | 'READ_DELIVER';
export const GRANT_SCOPES: readonly GrantScope[] = ['READ', 'READ_DELIVER'];

export type GrantState = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

/** One grant, as the client who may grant and the office see it (GET /api/grants, …/dossiers/{id}/grants). */
export interface Grant {
  id: string;
  dossierId: string;
  dossierNumber: string;
  email: string;
  name: string;
  scope: GrantScope;
  /** YYYY-MM-DD: the last day of access (it ends at the end of that day, Amsterdam time). */
  until: string;
  /** ISO date-time: the moment access ends. */
  expiresAt: string;
  grantedAt: string;
  /** The name of the client who granted it. */
  grantedBy: string;
  lastUsedAt: string | null;
  state: GrantState;
  revokedAt: string | null;
}

/** What "Toegang geven" posts; `until` defaults to today + 30 days on the server. */
export interface NewGrant {
  email: string;
  name: string;
  scope: GrantScope;
  /** YYYY-MM-DD, from today to today + 1 year. */
  until?: string;
}

// ---- end of ADV-1's block

export type DocumentCategory = 'CORRESPONDENCE' | 'DOCUMENT' | 'DELIVERED';

export interface PortalDocument {
  id: string;
  dossierId: string;
  title: string;
  category: DocumentCategory;
  fileName: string;
  contentType: string;
  size: number;
  publishedAt: string;
  read: boolean;
  /** The message a delivered file came with; null for anything else. */
  messageId?: string | null;
}

export type DocumentCounts = Partial<Record<DocumentCategory, { total: number; unread: number }>>;

export interface ActionsSummary {
  open: number;
}

export type MessageDirection = 'INCOMING' | 'OUTGOING';

/** A file attached to a message; downloaded like any document (`documentContentUrl(documentId)`). */
export interface MessageAttachment {
  documentId: string;
  fileName: string;
  size: number;
  contentType: string;
}

/** A message in a dossier: INCOMING comes from the office, OUTGOING from the client. */
export interface Message {
  id: string;
  dossierId: string;
  direction: MessageDirection;
  subject: string;
  /** ISO date-time. */
  sentAt: string;
  senderName: string;
  inReplyTo: string | null;
  /** Read by the signed-in account. */
  read: boolean;
  /** When the office read it; only meaningful for OUTGOING messages. */
  readByOfficeAt: string | null;
  attachments: MessageAttachment[];
}

/** One message with its text (GET /api/messages/{id}, which also marks it read). */
export interface MessageWithBody extends Message {
  body: string;
}

/** A message named by its subject (GET /api/dossiers/{id}/messages/subjects; nothing becomes read). */
export interface MessageSubject {
  id: string;
  subject: string;
  sentAt: string;
  direction: MessageDirection;
}

export interface MessageCounts {
  total: number;
  unread: number;
}

/** What "Versturen" posts; `uploads` are the ids of the finished uploads. */
export interface NewMessage {
  subject: string;
  body: string;
  inReplyTo?: string;
  uploads: string[];
  /** The id of the progress step whose document request this message delivers (at least one upload then). */
  requestId?: string;
}

/** The server's view of one upload (GET /api/uploads/{id}). */
export interface Upload {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
  status?: string;
}

/** A field the server refused (problem+json `errors`). */
export interface FieldError {
  field: string;
  message: string;
  /** Questionnaires: what is wrong (see AnswerError). */
  code?: string;
  format?: string;
  page?: string;
  limit?: number;
  min?: string;
  max?: string;
}

/**
 * An RFC 9457 problem. `detail` is an English sentence for API callers and logs, never shown to a client: a problem a
 * person meets carries a stable `code` (e.g. `upload.refused-type`) and its `params` (e.g. `file`, `kind`), which the
 * web app says in the user's language (lib/api/problemText.ts).
 */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  params?: Record<string, string>;
  errors?: FieldError[];
}

// Questionnaires ("vragenlijsten", ACT-1..5)

/** An open questionnaire under "Acties" (GET /api/actions). */
export interface ActionItem {
  assignmentId: string;
  title: string;
  dossierId: string;
  dossierNumber: string;
  /** YYYY-MM-DD; null when the office set no date. */
  dueDate: string | null;
  /** ISO date-time. */
  assignedAt: string;
  /** The page to continue on; null when the client has not saved a page yet. */
  currentPageId: string | null;
}

export interface ActionList {
  items: ActionItem[];
}

export type QuestionType = 'shortText' | 'longText' | 'number' | 'amount' | 'date' | 'yesNo' | 'choice' | 'multiChoice' | 'group';

/** The portal's own string formats (besides JSON Schema's `email` and `date`); the server checks the same. */
export type QuestionFormat = 'postcode' | 'iban' | 'bsn' | 'email' | 'phone';

export interface QuestionOption {
  value: string;
  label: string;
}

/** An answer a question's `showIf` compares with: a choice's value, a yes/no, a number. */
export type ShowIfValue = string | boolean | number;

export interface Question {
  id: string;
  type: QuestionType;
  label: string;
  help?: string;
  required: boolean;
  format?: QuestionFormat;
  /** choice, multiChoice. */
  options?: QuestionOption[];
  /** number, amount. */
  min?: number;
  max?: number;
  /** shortText, longText. */
  maxLength?: number;
  /** date: YYYY-MM-DD or 'today'. */
  minDate?: string;
  maxDate?: string;
  /** group: how many blocks. */
  minItems?: number;
  maxItems?: number;
  /** group: the name of one block ("Bewoner"); the label when absent. */
  itemLabel?: string;
  /** Shown only when that earlier question (same page, an earlier page, or the same group block) has this answer. */
  showIf?: { question: string; equals: ShowIfValue };
  /** group: the questions of one block. */
  questions?: Question[];
}

export interface QuestionnairePage {
  id: string;
  title: string;
  intro: string | null;
  questions: Question[];
}

/** One answer as the API has it: text/date/choice strings, numbers, booleans, multiChoice arrays, group blocks. */
export type AnswerValue = string | number | boolean | string[] | PageAnswers[];

/** A page's answers keyed by question id; an optional question left out is absent. */
export type PageAnswers = { [questionId: string]: AnswerValue };

/** A JSON Schema (draft 2020-12) object, as the server sends it. */
export type JsonSchema = { [keyword: string]: unknown };

export type AssignmentStatus = 'OPEN' | 'COMPLETED';

/** A questionnaire sent to the client (GET /api/questionnaires/assignments/{id}). */
export interface Assignment {
  id: string;
  title: string;
  intro: string | null;
  dossierId: string;
  dossierNumber: string;
  dueDate: string | null;
  status: AssignmentStatus;
  /** The page to continue on. */
  currentPageId: string | null;
  /** ISO date-time. */
  completedAt: string | null;
  /** The PDF under "Door mij aangeleverd" once completed. */
  pdfDocumentId: string | null;
  pages: QuestionnairePage[];
  /** Saved answers per page id; a page is present once it has been saved. */
  answers: { [pageId: string]: PageAnswers };
  /** Per page id, the JSON Schema of that page's answers (validated in the browser and again on the server). */
  schemas: { [pageId: string]: JsonSchema };
}

export type AnswerErrorCode = 'required' | 'format' | 'minimum' | 'maximum' | 'maxLength' | 'minItems' | 'maxItems' | 'dateRange' | 'enum' | 'type';

/**
 * A refused answer (problem+json `errors[]` of a page PUT or of "complete"): `field` is the question id, or inside a
 * group `bewoners[1].naam` (zero-based block index); `page` is set by "complete".
 */
export interface AnswerError {
  field: string;
  code: AnswerErrorCode | string;
  format?: QuestionFormat | 'date';
  page?: string;
  message?: string;
  /** The limit of minimum/maximum/maxLength/minItems/maxItems, when the server sends it. */
  limit?: number;
  min?: string;
  max?: string;
}

// ---- Office (staff)

/** A party of a dossier as the office sees it; `name` is null for parties stored before names were kept. */
export interface StaffParty {
  accountId: string;
  email: string;
  name: string | null;
  accountType: AccountType | null;
}

/** GET /api/staff/dossiers/{id}: the dossier with its parties and progress. */
export interface StaffDossier extends DossierListItem {
  parties: string[];
  partyDetails: StaffParty[];
  progress: { done: number; total: number; steps: ProgressStep[] } | null;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  /** ADV-1: whether the parties may share the dossier with others (absent from older servers: allowed). */
  grantsAllowed?: boolean;
}

export type StaffDossierSort = 'lastActivity' | 'number';

/** The office's dossier list, kept in the URL of /kantoor/dossiers. */
export interface StaffDossierQuery {
  query: string;
  statuses: DossierStatus[];
  sort: StaffDossierSort;
  /** Zero-based. */
  page: number;
}

export interface NewDossier {
  number: string;
  description: string;
  status: DossierStatus;
  /** E-mail addresses of existing portal accounts. */
  parties: string[];
}

export interface DossierChange {
  description?: string;
  status?: DossierStatus;
}

export interface ProgressStepInput {
  /** The id of an existing step; left out for a new one. */
  id?: string;
  title: string;
  done: boolean;
  /** At most 500 characters. */
  explanation?: string;
  /** YYYY-MM-DD. */
  plannedDate?: string;
  request?: StepRequestInput;
}

/** "Cliënt uitnodigen": a person, or a company (its main account) with companyName. */
export interface NewClient {
  type: 'PERSON' | 'COMPANY';
  email: string;
  firstName: string;
  lastName: string;
  companyName?: string;
  language: 'nl' | 'en';
}

export const ACCOUNT_STATES: readonly AccountState[] = ['INVITED', 'ACTIVE', 'BLOCKED', 'REMOVED'];
export const ACCOUNT_TYPES: readonly AccountType[] = ['PERSON', 'COMPANY_MAIN', 'COMPANY_EXTRA'];

/** An account in the office's "Cliënten" list (GET /api/staff/accounts); dates are ISO date-times. */
export interface StaffAccountListItem {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  type: AccountType;
  state: AccountState;
  companyId: string | null;
  companyName: string | null;
  /** Empty for accounts stored before the portal kept these dates. */
  createdAt: string | null;
  /** The last change: the list's order, newest first. */
  updatedAt: string | null;
  invitedAt: string | null;
  /** Null until the password is set. */
  activatedAt: string | null;
}

/** The office's account list, kept in the URL of /kantoor/clienten. */
export interface StaffAccountQuery {
  /** A literal part of the name, e-mail address or company name. */
  query: string;
  /** None = all. */
  states: AccountState[];
  /** None = all. */
  types: AccountType[];
  /** The accounts of one company (its main and extra accounts). */
  companyId: string;
  /** Zero-based. */
  page: number;
}

/** What the Werkvoorraad shows: something of a client that waits for the office. */
export type WorkKind = 'MESSAGE' | 'DELIVERY' | 'QUESTIONNAIRE_COMPLETED' | 'QUESTIONNAIRE_OVERDUE' | 'INVITATION_PENDING';
export const WORK_KINDS: readonly WorkKind[] = ['MESSAGE', 'DELIVERY', 'QUESTIONNAIRE_COMPLETED', 'QUESTIONNAIRE_OVERDUE', 'INVITATION_PENDING'];

export interface WorkItem {
  id: string;
  kind: WorkKind;
  /** null for an invitation (it belongs to an account, not a dossier). */
  dossierId: string | null;
  dossierNumber: string | null;
  accountId: string;
  accountName: string | null;
  /** The message, document, assignment or account the item is about. */
  subjectId: string;
  occurredAt: string;
  dueDate: string | null;
}

/** A document as the office sees it: who of the parties opened it, first time each. */
export interface StaffDocument extends PortalDocument {
  readBy: { accountId: string; readAt: string }[];
}

export interface StaffMessage {
  id: string;
  dossierId: string;
  direction: MessageDirection;
  subject: string;
  body: string;
  sentAt: string;
  senderName: string | null;
  senderAccountId: string | null;
  /** ADV-1: who sent it; ADVISER for someone a client shared the dossier with (absent from older servers). */
  senderRole?: 'CLIENT' | 'ADVISER' | 'OFFICE' | null;
  inReplyTo: string | null;
  readByClientAt: string | null;
  readByOfficeAt: string | null;
  attachments: { documentId: string; fileName: string; size: number; contentType: string }[];
}

/** A questionnaire definition's newest version (GET /api/staff/questionnaires). */
export interface QuestionnaireSummary {
  key: string;
  version: number;
  title: string;
  createdAt: string;
}

/** One questionnaire sent to a party of a dossier. */
export interface StaffAssignment {
  id: string;
  dossierId: string;
  questionnaire: string;
  version: number;
  title: string;
  recipient: { accountId: string; email: string };
  status: AssignmentStatus;
  dueDate: string | null;
  assignedAt: string;
  pagesSaved: number;
  pages: number;
  completedAt: string | null;
  pdfDocumentId: string | null;
}

export interface NewAssignment {
  questionnaire: string;
  /** E-mail address of a party of the dossier. */
  recipient: string;
  /** ISO date, or left out. */
  dueDate?: string;
}

/** The answers of a completed questionnaire, per page id and question id. */
export interface CompletedAnswers {
  assignmentId: string;
  questionnaire: string;
  version: number;
  completedAt: string;
  answers: Record<string, PageAnswers>;
}

/** One version of a definition with its pages (GET /api/staff/questionnaires/{key}/versions/{version}). */
export interface DefinitionVersion {
  key: string;
  version: number;
  createdAt: string;
  definition: { title: string; pages: QuestionnairePage[] } & Record<string, unknown>;
}

/** Per dossier of a page of the office's list: the clients' open messages and what they delivered. */
export interface DossierWork {
  dossierId: string;
  messages: number;
  deliveries: number;
}

/** One sign-in or failed attempt of the signed-in account (GET /api/me/sign-ins, TRL-1); null where Keycloak does not tell. */
export interface SignIn {
  /** ISO date-time. */
  at: string;
  outcome: 'SUCCESS' | 'FAILED';
  /** Why an attempt failed; null for a sign-in. */
  reason: 'WRONG_PASSWORD' | 'WRONG_CODE' | 'OTHER' | null;
  /** "Firefox 133" */
  browser: string | null;
  /** "Windows 10/11", "iPhone (iOS 18)" */
  system: string | null;
  /** The network, never the address: "203.0.113.0/24", "2001:db8:12:34::/64". */
  network: string | null;
}

/** The account's last sign-ins and failed attempts, newest first, at most 20 (Keycloak keeps them 90 days). */
export interface SignIns {
  items: SignIn[];
}
