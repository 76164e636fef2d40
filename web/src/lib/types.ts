export type DossierStatus = 'IN_PROGRESS' | 'ON_HOLD' | 'COMPLETED' | 'CANCELLED';
export const DOSSIER_STATUSES: readonly DossierStatus[] = ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED'];

export type AccountType = 'PERSON' | 'COMPANY_MAIN' | 'COMPANY_EXTRA';

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
}

export interface DossierSummary {
  inProgress: number;
  total: number;
  statuses: DossierStatus[];
}

export interface ProgressStep {
  title: string;
  done: boolean;
  doneAt?: string | null;
}

export interface Dossier extends DossierListItem {
  progress?: { done: number; total: number; steps: ProgressStep[] } | null;
}

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
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}
