import type { StaffParty } from '../../../lib/api/types';

/** The parties of a dossier in a list cell: name, else e-mail address. */
export function PartyNames({ parties }: { parties: StaffParty[] }) {
  if (parties.length === 0) return <span aria-hidden="true">–</span>;
  return <>{parties.map((p) => p.name ?? p.email).join(', ')}</>;
}
