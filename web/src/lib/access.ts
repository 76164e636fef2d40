// Who the signed-in account is to the portal, where the pages differ by it. The server decides every call; these only
// leave out what would be refused anyway.
import { COMPANY_ADMIN_ROLE, type DossierListItem, type GrantScope, type Me } from './api/types';

/** A company's main account: it manages the company's extra accounts (ME-4; the API answers 403 to anyone else). */
export const isCompanyMainAccount = (me: Me) => me.roles.includes(COMPANY_ADMIN_ROLE);

/** Someone a client let into a dossier (ADV-1): only the shared dossiers, no "Acties", a short "Mijn gegevens". */
export const isAdviser = (me: Me) => me.accountType === 'ADVISER';

/**
 * Who may let others into their dossiers (ADV-1): a person, or a company's main account for the company's dossiers;
 * never an extra account or an adviser. Per dossier only its own parties may (see `sharedAccess`).
 */
export const mayGrantAccess = (me: Me) => me.accountType === 'PERSON' || (me.accountType === 'COMPANY_MAIN' && isCompanyMainAccount(me));

/**
 * What the account may do in a dossier that someone shared with it (any account type can be given access); null for
 * the account's own dossiers. A shared dossier without a scope counts as read-only.
 */
export function sharedAccess(dossier: Pick<DossierListItem, 'sharedBy' | 'access'>): GrantScope | null {
  if (dossier.access) return dossier.access;
  return dossier.sharedBy ? 'READ' : null;
}
