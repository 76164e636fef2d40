import type { I18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/i18n';
import type { HomeNeededItem, HomeNewItem } from '../../lib/api/types';

const dossierPath = (dossierId: string, params: Record<string, string>) => {
  const query = new URLSearchParams(params).toString();
  return `/dossiers/${encodeURIComponent(dossierId)}${query ? `?${query}` : ''}`;
};

/** The dossier tab (`?tab=`) of a document category. */
const TAB_OF_CATEGORY: Record<string, string> = {
  CORRESPONDENCE: 'correspondentie',
  DOCUMENT: 'documenten',
  DELIVERED: 'aangeleverd',
};

/** The tab's name as the dossier page shows it, for "Nieuw document: Correspondentie". */
const TAB_NAME_OF_CATEGORY: Record<string, MessageKey> = {
  CORRESPONDENCE: 'dossier.tab.correspondence',
  DOCUMENT: 'dossier.tab.documents',
  DELIVERED: 'dossier.tab.delivered',
};

/** The exact place of a new item: the document in its tab, the message opened, the progress open at the step, the questionnaire. */
export function newItemPath(item: HomeNewItem): string {
  switch (item.kind) {
    case 'DOCUMENT': {
      const tab = item.category ? TAB_OF_CATEGORY[item.category] : undefined;
      return dossierPath(item.dossierId, { ...(tab ? { tab } : {}), ...(item.documentId ? { document: item.documentId } : {}) });
    }
    case 'MESSAGE':
      return dossierPath(item.dossierId, { tab: 'berichten', ...(item.messageId ? { bericht: item.messageId } : {}) });
    case 'STEP_DONE': {
      // "step:<dossierId>:<stepId>"
      const stepId = item.id.startsWith('step:') ? item.id.split(':').slice(2).join(':') : '';
      return dossierPath(item.dossierId, { voortgang: 'open', ...(stepId ? { stap: stepId } : {}) });
    }
    case 'QUESTIONNAIRE':
      if (item.assignmentId) return `/acties/${encodeURIComponent(item.assignmentId)}`;
      return '/acties';
    default:
      return dossierPath(item.dossierId, {});
  }
}

/** What a new item is, in words: "Nieuw document: Correspondentie", "Stap afgerond: Intake". */
export function newItemText(item: HomeNewItem, t: I18n['t']): string {
  switch (item.kind) {
    case 'DOCUMENT': {
      const tabName = item.category ? TAB_NAME_OF_CATEGORY[item.category] : undefined;
      return tabName ? t('home.new.kind.DOCUMENT', { category: t(tabName) }) : t('home.new.kind.DOCUMENT.plain');
    }
    case 'MESSAGE':
      return t('home.new.kind.MESSAGE');
    case 'STEP_DONE':
      return t('home.new.kind.STEP_DONE', { step: item.stepTitle ?? '' });
    case 'QUESTIONNAIRE':
      return t('home.new.kind.QUESTIONNAIRE');
    default:
      return t('home.new.kind.other');
  }
}

/** What the office needs, in words: the document's name, or "Vragenlijst invullen". */
export function neededItemText(item: HomeNeededItem, t: I18n['t']): string {
  if (item.kind === 'QUESTIONNAIRE') return t('home.needed.questionnaire');
  return item.name?.trim() || item.stepTitle?.trim() || t('home.needed.document');
}

/** The step id of a document request: its own field, else from "request:<dossierId>:<stepId>". */
export function neededStepId(item: HomeNeededItem): string | undefined {
  if (item.stepId) return item.stepId;
  return item.id.startsWith('request:') ? item.id.split(':').slice(2).join(':') || undefined : undefined;
}
