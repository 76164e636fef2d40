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

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}
